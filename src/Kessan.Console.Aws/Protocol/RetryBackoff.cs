namespace Kessan.Console.Aws.Protocol;

/// <summary>AWS "standard" retry backoff with full jitter: after failed attempt n the wait is
/// random[0,1) × min(20 s, base × 2^(n−1)), base 100 ms, or 500 ms when the service throttled us.</summary>
/// <param name="jitter">Returns a value in [0, 1); tests pass a fixed one.</param>
internal sealed class RetryBackoff(Func<double> jitter)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ThrottledBase = TimeSpan.FromMilliseconds(500);

    public static RetryBackoff Random { get; } = new(System.Random.Shared.NextDouble);

    public TimeSpan DelayAfter(int failedAttempt, bool throttled)
    {
        var ceiling = (throttled ? ThrottledBase : Base) * Math.Pow(2, failedAttempt - 1);
        return (ceiling < MaxDelay ? ceiling : MaxDelay) * jitter();
    }
}
