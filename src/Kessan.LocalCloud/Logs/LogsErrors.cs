using System.Text.Json;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Protocol;
using ClientMalformedQueryException = Kessan.Console.Aws.CloudWatchLogs.MalformedQueryException;

namespace Kessan.LocalCloud.Logs;

/// <summary>CloudWatch Logs' modelled errors as the service sends them: <c>__type</c> is the bare shape name
/// (<c>ResourceNotFoundException</c>), which is what the SDKs map to their exception types.</summary>
public static class LogsErrors
{
    public static AwsServiceException InvalidParameter(string message) => Error("InvalidParameterException", 400, message);

    /// <summary>A required member is absent, worded as the service's validation layer words it.</summary>
    public static AwsServiceException MissingParameter(string path) =>
        InvalidParameter($"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException ResourceNotFound(string message) => Error("ResourceNotFoundException", 400, message);

    public static AwsServiceException ResourceAlreadyExists(string message) => Error("ResourceAlreadyExistsException", 400, message);

    public static AwsServiceException LimitExceeded(string message) => Error("LimitExceededException", 400, message);

    public static AwsServiceException ServiceUnavailable() =>
        Error("ServiceUnavailableException", 500, "LocalCloud failed to process the request; its log has the details.");

    private static AwsServiceException Error(string type, int status, string message) => new(type, type, status, message);
}

/// <summary>A query string Logs Insights cannot compile: the message names line and column, and
/// <c>queryCompileError</c> carries the character offsets a query editor marks, in the shape the console's client reads.</summary>
public sealed class MalformedQueryException(string message, QueryCompileError queryCompileError)
    : AwsServiceException(ClientMalformedQueryException.Code, ClientMalformedQueryException.Code, 400, message)
{
    public QueryCompileError QueryCompileError { get; } = queryCompileError;

    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("queryCompileError");
        JsonSerializer.Serialize(writer, QueryCompileError, CloudWatchLogsJsonContext.Default.QueryCompileError);
    }
}
