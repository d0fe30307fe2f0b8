namespace Kessan.Console.Core.Notifications;

/// <summary>What one delivery attempt got back: <see cref="Status"/> is the provider's answer as people read it
/// ("HTTP 404", "SMTP 250", "timeout"), <see cref="Error"/> the provider's own error text. <see cref="Transient"/>
/// failures (timeouts, 5xx, 429, dropped connections, SMTP 4xx) may succeed when tried again.</summary>
public sealed record AttemptResult(bool Delivered, string Status, int? StatusCode, string? Error, bool Transient, TimeSpan? RetryAfter = null)
{
    public static AttemptResult Success(string status, int? statusCode) => new(true, status, statusCode, null, false);

    /// <summary>An HTTP answer that is not the provider's success: 429 and 5xx are worth retrying, other 4xx are not.</summary>
    public static AttemptResult HttpFailure(int statusCode, string? providerError, TimeSpan? retryAfter) =>
        new(false, $"HTTP {statusCode}", statusCode, string.IsNullOrWhiteSpace(providerError) ? null : providerError.Trim(),
            statusCode == 429 || statusCode >= 500, retryAfter);

    public static AttemptResult TimedOut(TimeSpan timeout) =>
        new(false, "timeout", null, $"No answer within {timeout.TotalSeconds:0.#} s.", true);

    /// <summary>The connection failed or dropped before an answer.</summary>
    public static AttemptResult Unreachable(string reason) => new(false, "no connection", null, reason, true);
}
