using System.IO.Compression;

namespace Kessan.Console.Aws.Protocol;

/// <summary>An operation's JSON as it goes on the wire. Operations the service model marks with requestCompression
/// (CloudWatch's PutMetricData) are sent gzip-compressed from <see cref="MinCompressedBytes"/> on, as the AWS SDKs
/// send them; that is what lets a batch of 1,000 datums fit PutMetricData's 1 MB request limit.</summary>
internal sealed record RequestBody(byte[] Content, string? ContentEncoding)
{
    /// <summary>The AWS SDKs' default <c>request_min_compression_size_bytes</c>; smaller bodies go as they are.</summary>
    public const int MinCompressedBytes = 10_240;

    public const string Gzip = "gzip";

    public static RequestBody For(AwsJsonProtocol protocol, string operation, byte[] json)
    {
        if (json.Length < MinCompressedBytes || !protocol.CompressedOperations.Contains(operation))
        {
            return new RequestBody(json, null);
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(json);
        }

        return new RequestBody(compressed.ToArray(), Gzip);
    }
}
