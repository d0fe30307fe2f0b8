using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Core.Tests.Notifications;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    public void The_wait_doubles_after_each_transient_failure(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Policy.DelayAfter(attempt, AttemptResult.HttpFailure(503, null, null)));

    [Fact]
    public void Nothing_follows_the_last_attempt() =>
        Assert.Null(Policy.DelayAfter(4, AttemptResult.HttpFailure(503, null, null)));

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public void A_4xx_other_than_429_is_not_tried_again(int status) =>
        Assert.Null(Policy.DelayAfter(1, AttemptResult.HttpFailure(status, "no_service", null)));

    [Fact]
    public void Retry_After_replaces_the_backoff() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayAfter(1, AttemptResult.HttpFailure(429, "rate_limited", TimeSpan.FromSeconds(30))));

    [Fact]
    public void A_Retry_After_longer_than_the_longest_wait_is_not_waited_for() =>
        Assert.Null(Policy.DelayAfter(1, AttemptResult.HttpFailure(429, "rate_limited", TimeSpan.FromMinutes(10))));

    [Fact]
    public void Timeouts_are_tried_again() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Policy.DelayAfter(1, AttemptResult.TimedOut(TimeSpan.FromSeconds(10))));
}
