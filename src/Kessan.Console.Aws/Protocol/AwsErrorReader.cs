using System.Text.Json;

namespace Kessan.Console.Aws.Protocol;

/// <summary>Turns an error reply into an <see cref="AwsServiceException"/>, finding the code where the AWS SDKs do:
/// for awsQueryCompatible services the <c>x-amzn-query-error</c> header first, then <c>__type</c>, <c>code</c> and
/// the <c>X-Amzn-ErrorType</c> header.</summary>
internal static class AwsErrorReader
{
    public static AwsServiceException Read(AwsJsonProtocol protocol, string operation, HttpResponseMessage response, byte[] body)
    {
        var error = Parse(body);
        var code = (protocol.QueryCompatible ? QueryErrorCode(Header(response, "x-amzn-query-error")) : null)
            ?? Sanitize(error.Type)
            ?? Sanitize(error.Code)
            ?? Sanitize(Header(response, "X-Amzn-ErrorType"))
            ?? response.StatusCode.ToString();
        return new AwsServiceException(protocol.Service, operation, code, error.Message, response.StatusCode, RequestId(response));
    }

    public static string? RequestId(HttpResponseMessage response) => Header(response, "x-amzn-RequestId");

    private static AwsErrorBody Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? new AwsErrorBody() : JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.AwsErrorBody) ?? new AwsErrorBody();
        }
        catch (JsonException)
        {
            // A proxy or load balancer in front of the service may answer with HTML; the status still tells.
            return new AwsErrorBody();
        }
    }

    /// <summary><c>ResourceNotFound;Sender</c> → <c>ResourceNotFound</c>.</summary>
    private static string? QueryErrorCode(string? header) =>
        header is null ? null : NullIfEmpty(header.Split(';', 2)[0].Trim());

    /// <summary><c>com.amazonaws.cloudwatch#ResourceNotFound</c> and <c>ResourceNotFoundException:http://…</c> →
    /// the bare name, by the AWS JSON protocol's rule: drop what follows ',' or ':', keep what follows '#'.</summary>
    private static string? Sanitize(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var code = raw.Split(',', 2)[0].Split(':', 2)[0];
        var hash = code.IndexOf('#');
        return NullIfEmpty((hash >= 0 ? code[(hash + 1)..] : code).Trim());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
