using System.Net;
using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws;

/// <summary>An AWS service answered with an error. <see cref="ErrorCode"/> is the code the AWS SDKs use
/// (e.g. <c>ResourceNotFound</c>, <c>ThrottlingException</c>); the message says which call failed and what the
/// service said. A service's error that carries more than a message has its own subclass in that service's
/// namespace.</summary>
public class AwsServiceException(
    AwsService service, string operation, string errorCode, string? serviceMessage, HttpStatusCode httpStatusCode, string? requestId)
    : Exception(Describe(service, operation, errorCode, serviceMessage, httpStatusCode, requestId))
{
    public AwsService Service { get; } = service;

    public string Operation { get; } = operation;

    public string ErrorCode { get; } = errorCode;

    /// <summary>The service's own message (<c>message</c> in the error body), when it sent one.</summary>
    public string? ServiceMessage { get; } = serviceMessage;

    public HttpStatusCode HttpStatusCode { get; } = httpStatusCode;

    /// <summary>The <c>x-amzn-RequestId</c> AWS support asks for.</summary>
    public string? RequestId { get; } = requestId;

    public bool IsThrottling => AwsErrorCodes.IsThrottling(ErrorCode, HttpStatusCode);

    /// <summary>Throttling and transient server faults; never a request the service rejected as invalid.</summary>
    public bool IsRetryable => IsThrottling || AwsErrorCodes.IsTransient(ErrorCode, HttpStatusCode);

    private static string Describe(
        AwsService service, string operation, string errorCode, string? serviceMessage, HttpStatusCode status, string? requestId) =>
        $"{service} {operation} failed with {errorCode} (HTTP {(int)status})"
        + (string.IsNullOrWhiteSpace(serviceMessage) ? "." : $": {serviceMessage.Trim().TrimEnd('.')}.")
        + (requestId is null ? string.Empty : $" Request id {requestId}.");
}
