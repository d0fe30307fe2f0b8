namespace Kessan.LocalCloud.Protocol;

/// <summary>Errors raised before an operation runs: routing, decoding and authentication. AWS answers these from
/// its common service framework, hence the shared namespace; the query codes are the ones AWS's query APIs use.</summary>
public static class ProtocolErrors
{
    private const string Framework = "com.amazon.coral.service#";

    public static AwsServiceException UnknownOperation(string message) =>
        new(Framework + "UnknownOperationException", "UnknownOperationException", 400, message);

    public static AwsServiceException Serialization(string message) =>
        new(Framework + "SerializationException", "SerializationException", 400, message);

    public static AwsServiceException RequestEntityTooLarge(string message) =>
        new(Framework + "RequestEntityTooLargeException", "RequestEntityTooLarge", 413, message);

    public static AwsServiceException MissingAuthenticationToken() =>
        new(Framework + "MissingAuthenticationTokenException", "MissingAuthenticationToken", 403, "Request is missing Authentication Token");

    public static AwsServiceException IncompleteSignature(string message) =>
        new(Framework + "IncompleteSignatureException", "IncompleteSignature", 400, message);

    public static AwsServiceException UnrecognizedClient() =>
        new(Framework + "UnrecognizedClientException", "InvalidClientTokenId", 403, "The security token included in the request is invalid.");

    public static AwsServiceException SignatureDoesNotMatch(string message) =>
        new(Framework + "InvalidSignatureException", "SignatureDoesNotMatch", 403, message);
}
