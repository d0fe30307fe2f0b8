using System.Collections.Frozen;

namespace Kessan.Console.Aws.Protocol;

/// <summary>How one service speaks the AWS JSON protocol: version, target prefix, signing name and whether it is
/// "awsQueryCompatible" (errors then also come as <c>x-amzn-query-error: Code;Sender</c>).</summary>
internal sealed record AwsJsonProtocol(AwsService Service, string JsonVersion, string TargetPrefix, string SigningName, bool QueryCompatible)
{
    public static AwsJsonProtocol CloudWatch { get; } = new(AwsService.CloudWatch, "1.0", "GraniteServiceVersion20100801", "monitoring", QueryCompatible: true)
    {
        CompressedOperations = FrozenSet.Create(StringComparer.Ordinal, "PutMetricData"),
    };

    public static AwsJsonProtocol CloudWatchLogs { get; } = new(AwsService.CloudWatchLogs, "1.1", "Logs_20140328", "logs", QueryCompatible: false);

    /// <summary>The operations the service model marks with requestCompression (gzip); see <see cref="RequestBody"/>.</summary>
    public IReadOnlySet<string> CompressedOperations { get; init; } = FrozenSet<string>.Empty;

    public string ContentType => $"application/x-amz-json-{JsonVersion}";

    public string Target(string operation) => $"{TargetPrefix}.{operation}";
}
