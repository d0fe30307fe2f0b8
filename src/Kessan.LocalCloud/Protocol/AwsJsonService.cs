using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kessan.LocalCloud.Protocol;

/// <summary>One AWS JSON-protocol service behind <c>POST /</c>, found by the prefix of <c>X-Amz-Target</c>
/// (<c>GraniteServiceVersion20100801</c> for CloudWatch, <c>Logs_20140328</c> for CloudWatch Logs).</summary>
public sealed record AwsJsonService
{
    public required string TargetPrefix { get; init; }

    /// <summary><c>application/x-amz-json-1.0</c> or <c>-1.1</c>: requests must carry it, responses do.</summary>
    public required string ContentType { get; init; }

    /// <summary>The service name in the SigV4 credential scope (<c>monitoring</c>, <c>logs</c>).</summary>
    public required string SigningName { get; init; }

    /// <summary>Whether errors also carry <c>x-amzn-query-error</c>, as services that moved from the query protocol do.</summary>
    public required bool QueryCompatible { get; init; }

    /// <summary>The service's own error for a required member that is absent, given its path (<c>MetricData.member.2.MetricName</c>).</summary>
    public required Func<string, AwsServiceException> MissingParameter { get; init; }

    /// <summary>The service's own error for a failure on our side.</summary>
    public required Func<AwsServiceException> InternalFailure { get; init; }

    public required IReadOnlyDictionary<string, AwsOperation> Operations { get; init; }

    /// <summary>Options for reading and writing the service's shapes: its source-generated metadata, plus the
    /// literal <c>"NaN"</c>/<c>"Infinity"</c> doubles the SDKs send, so validation can name them instead of the
    /// request failing to parse.</summary>
    public static JsonSerializerOptions SerializerOptions(JsonSerializerContext context) =>
        new(context.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
