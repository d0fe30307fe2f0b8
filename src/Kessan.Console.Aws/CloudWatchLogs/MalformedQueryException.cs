using System.Net;
using System.Text.Json;

namespace Kessan.Console.Aws.CloudWatchLogs;

/// <summary>StartQuery's answer to a query Logs Insights cannot compile: besides the message (which names line and
/// column), <see cref="QueryCompileError"/> says which characters are at fault, so a query editor can mark them.</summary>
public sealed class MalformedQueryException(
    string operation, string? serviceMessage, HttpStatusCode httpStatusCode, string? requestId, QueryCompileError? queryCompileError)
    : AwsServiceException(AwsService.CloudWatchLogs, operation, Code, serviceMessage, httpStatusCode, requestId)
{
    /// <summary>The error's <c>__type</c>.</summary>
    public const string Code = "MalformedQueryException";

    public QueryCompileError? QueryCompileError { get; } = queryCompileError;

    /// <summary>A MalformedQueryException with the members of its body; null for any other error.</summary>
    internal static AwsServiceException? Read(AwsServiceException error, byte[] body) =>
        error.ErrorCode == Code
            ? new MalformedQueryException(error.Operation, error.ServiceMessage, error.HttpStatusCode, error.RequestId, CompileError(body))
            : null;

    private static QueryCompileError? CompileError(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, CloudWatchLogsJsonContext.Default.MalformedQueryErrorBody)?.QueryCompileError;
        }
        catch (JsonException)
        {
            // The code alone still tells the caller what went wrong; the offsets are a bonus.
            return null;
        }
    }
}
