namespace Kessan.Console.Core.Notifications;

/// <summary>When to try a delivery again: transient failures only, up to <see cref="MaxAttempts"/> attempts, waiting
/// <see cref="BaseDelay"/> doubled after each attempt (capped at <see cref="MaxDelay"/>), or exactly what the
/// provider's Retry-After asks for. A provider asking to wait longer than <see cref="MaxDelay"/> is not retried:
/// the message would be stale by then.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>How long to wait before the next attempt after attempt number <paramref name="attempt"/> (1-based)
    /// got <paramref name="result"/>; null when there is no next attempt.</summary>
    public TimeSpan? DelayAfter(int attempt, AttemptResult result)
    {
        if (result.Delivered || !result.Transient || attempt >= MaxAttempts)
        {
            return null;
        }
        if (result.RetryAfter is { } asked)
        {
            return asked <= MaxDelay ? (asked < TimeSpan.Zero ? TimeSpan.Zero : asked) : null;
        }
        var backoff = BaseDelay * Math.Pow(2, attempt - 1);
        return backoff < MaxDelay ? backoff : MaxDelay;
    }
}
