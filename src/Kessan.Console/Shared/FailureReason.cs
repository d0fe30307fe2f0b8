using Kessan.Console.Aws;

namespace Kessan.Console.Shared;

/// <summary>Turns a failed call into one sentence a user can act on. Only the AWS client's typed exceptions and
/// transport failures count as expected; anything else is a bug and goes to the log with its stack trace.</summary>
public static class FailureReason
{
    public static bool IsExpected(Exception exception) =>
        exception is AwsServiceException or AwsTransportException or HttpRequestException or TimeoutException;

    public static string Describe(Exception exception) => exception switch
    {
        AwsServiceException aws when aws.IsThrottling => $"CloudWatch is throttling requests ({aws.ErrorCode}); retrying.",
        AwsServiceException aws => string.IsNullOrWhiteSpace(aws.ServiceMessage) ? aws.ErrorCode : $"{aws.ErrorCode}: {aws.ServiceMessage}",
        AwsTransportException transport => transport.Message,
        HttpRequestException or TimeoutException => $"The CloudWatch endpoint did not answer ({exception.Message}).",
        _ => "Unexpected error; the server log has the details.",
    };
}
