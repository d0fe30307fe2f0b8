using System.Net;

namespace Kessan.Console.Aws.Protocol;

/// <summary>Which errors AWS "standard" retry mode retries: throttling, and transient server or network faults.
/// Anything else (ValidationError, InvalidParameterValue, ResourceNotFound, ...) would fail again the same way.</summary>
internal static class AwsErrorCodes
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "ServiceUnavailable",
    };

    public static bool IsThrottling(string code, HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || Throttling.Contains(code);

    public static bool IsTransient(string code, HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        || Transient.Contains(code);
}
