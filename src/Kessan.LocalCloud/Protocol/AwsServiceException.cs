using System.Text.Json;

namespace Kessan.LocalCloud.Protocol;

/// <summary>An error answered the way AWS JSON services answer: the status, a body with <c>__type</c> (the error
/// shape's id) and <c>message</c>, and for query-compatible services the <c>x-amzn-query-error</c> code, which is
/// what the SDKs map to their exception types.</summary>
/// <param name="type">The error shape's id, e.g. <c>com.amazonaws.cloudwatch#InvalidParameterValueException</c>.</param>
/// <param name="queryCode">The awsQuery error code, e.g. <c>InvalidParameterValue</c>.</param>
public class AwsServiceException(string type, string queryCode, int statusCode, string message) : Exception(message)
{
    public string Type { get; } = type;

    public string QueryCode { get; } = queryCode;

    public int StatusCode { get; } = statusCode;

    /// <summary>Whether the caller is at fault (<c>Sender</c>) rather than the service (<c>Receiver</c>).</summary>
    public bool IsSenderFault => StatusCode < 500;

    /// <summary>Writes the members the error shape carries besides <c>message</c>.</summary>
    public virtual void WriteMembers(Utf8JsonWriter writer)
    {
    }
}
