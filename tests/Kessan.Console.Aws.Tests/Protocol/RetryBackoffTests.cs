using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws.Tests.Protocol;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, false, 100)]
    [InlineData(2, false, 200)]
    [InlineData(8, false, 12_800)]
    [InlineData(9, false, 20_000)]
    [InlineData(1, true, 500)]
    [InlineData(3, true, 2_000)]
    [InlineData(7, true, 20_000)]
    public void The_ceiling_doubles_per_failed_attempt_up_to_20_seconds(int failedAttempt, bool throttled, int ceilingMs)
    {
        var backoff = new RetryBackoff(() => 0.5);

        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs / 2.0), backoff.DelayAfter(failedAttempt, throttled));
    }

    [Fact]
    public void Full_jitter_may_retry_at_once()
    {
        var backoff = new RetryBackoff(() => 0.0);

        Assert.Equal(TimeSpan.Zero, backoff.DelayAfter(3, throttled: true));
    }
}
