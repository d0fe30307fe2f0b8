using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Notifications.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Notifications;

/// <summary>How the console treats each provider answer: what counts as delivered, what is tried again and when,
/// and that one channel's trouble stays its own.</summary>
public sealed class DeliveryRetryTests
{
    [Theory]
    [InlineData(200, "ok", true, 1, "HTTP 200", null)]
    [InlineData(200, "not ok", false, 1, "HTTP 200", "not ok")]
    [InlineData(400, "invalid_payload", false, 1, "HTTP 400", "invalid_payload")]
    [InlineData(404, "no_service", false, 1, "HTTP 404", "no_service")]
    [InlineData(404, "channel_not_found", false, 1, "HTTP 404", "channel_not_found")]
    [InlineData(429, "rate_limited", false, 3, "HTTP 429", "rate_limited")]
    [InlineData(500, "rollup_error", false, 3, "HTTP 500", "rollup_error")]
    [InlineData(503, "", false, 3, "HTTP 503", null)]
    public async Task Slack_answers_decide_delivery_and_only_429_and_5xx_are_tried_again(
        int status, string body, bool delivered, int attempts, string shownStatus, string? shownError)
    {
        await using var provider = await ScriptedProvider.StartAsync();
        provider.SetDefault(ScriptedProvider.SlackPath, new ProviderReply(status, body));
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;

        await console.OpenAlertAsync($"Slack answers {status} {body}", AlertSeverity.Critical);
        var last = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Equal((delivered, attempts, shownStatus, shownError), (last.Delivered, last.Number, last.Status, last.Error));
        Assert.Equal(attempts, provider.Received(ScriptedProvider.SlackPath).Count);
    }

    [Theory]
    [InlineData(202, true, 1)]
    [InlineData(400, false, 1)]
    [InlineData(429, false, 3)]
    [InlineData(502, false, 3)]
    public async Task PagerDuty_succeeds_on_202_and_is_tried_again_only_on_429_and_5xx(int status, bool delivered, int attempts)
    {
        await using var provider = await ScriptedProvider.StartAsync();
        provider.SetDefault(ScriptedProvider.PagerDutyPath, new ProviderReply(status,
            """{"status":"invalid event","message":"Event object is invalid","errors":["'payload.summary' is missing or blank"]}""", "application/json"));
        await using var console = new NotificationConsole().WithPagerDuty("ops-pagerduty", provider.PagerDutyEvents, "R0UTINGKEY0123456789abcdefghijkl");
        _ = console.Server;

        await console.OpenAlertAsync($"PagerDuty answers {status}", AlertSeverity.Critical);
        var last = Assert.Single(await console.FinishedAsync("ops-pagerduty"));

        Assert.Equal((delivered, attempts), (last.Delivered, last.Number));
        if (!delivered)
        {
            Assert.Equal("invalid event: Event object is invalid ('payload.summary' is missing or blank)", last.Error);
        }
    }

    [Fact]
    public async Task A_retry_waits_as_long_as_Retry_After_asks()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        provider.Script(ScriptedProvider.SlackPath, ProviderReply.TooManyRequests(120));
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        var updates = Follow(console);

        await console.OpenAlertAsync("Rate limited", AlertSeverity.Critical);
        await console.WaitForAttemptsAsync(attempts => attempts.Any(a => a.WillRetry));
        var waited = await AdvanceUntilAsync(console, () => provider.Received(ScriptedProvider.SlackPath).Count == 2, TimeSpan.FromSeconds(10));
        var last = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Contains(updates, u => u.Stage == DeliveryStage.WaitingToRetry && u.NextTryIn == TimeSpan.FromSeconds(120));
        Assert.InRange(waited, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(130));
        Assert.True(last.Delivered);
        Assert.Equal(2, last.Number);
    }

    [Fact]
    public async Task Without_Retry_After_the_wait_doubles_after_each_failure()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        provider.Script(ScriptedProvider.SlackPath, new ProviderReply(500, "rollup_error"), new ProviderReply(500, "rollup_error"));
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook).With("RetryBaseDelay", "00:00:10");
        _ = console.Server;

        await console.OpenAlertAsync("Backoff", AlertSeverity.Critical);
        await console.WaitForAttemptsAsync(attempts => attempts.Count == 1);
        var first = await AdvanceUntilAsync(console, () => provider.Received(ScriptedProvider.SlackPath).Count == 2, TimeSpan.FromSeconds(1));
        await console.WaitForAttemptsAsync(attempts => attempts.Count == 2);
        var second = await AdvanceUntilAsync(console, () => provider.Received(ScriptedProvider.SlackPath).Count == 3, TimeSpan.FromSeconds(1));

        Assert.InRange(first, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
        Assert.InRange(second, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
        Assert.True(Assert.Single(await console.FinishedAsync("ops-slack")).Delivered);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_a_timeout()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        provider.SetDefault(ScriptedProvider.SlackPath, ProviderReply.NoAnswer);
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook).With("MaxAttempts", "1");
        _ = console.Server;

        await console.OpenAlertAsync("Slow Slack", AlertSeverity.Critical);
        await provider.WaitForAsync(ScriptedProvider.SlackPath, 1);
        console.Clock.Advance(TimeSpan.FromSeconds(5));
        var last = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Equal(("timeout", "No answer within 5 s."), (last.Status, last.Error));
    }

    [Fact]
    public async Task A_channel_that_never_answers_does_not_delay_another()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        const string deadPath = "/services/T0SCRIPT/B0SCRIPT/dead-channel-path";
        provider.SetDefault(deadPath, ProviderReply.NoAnswer);
        await using var console = new NotificationConsole()
            .WithSlack("dead-slack", new Uri(provider.Address, deadPath))
            .WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;

        await console.OpenAlertAsync("First", AlertSeverity.Critical);
        await console.OpenAlertAsync("Second", AlertSeverity.Critical);
        var delivered = await console.FinishedAsync("ops-slack", count: 2);

        Assert.All(delivered, attempt => Assert.True(attempt.Delivered));
        Assert.Single(provider.Received(deadPath));
        Assert.DoesNotContain(await console.AttemptsAsync(), attempt => attempt.Channel == "dead-slack");
    }

    [Fact]
    public async Task A_full_queue_drops_the_new_message_and_says_why_instead_of_waiting()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        provider.SetDefault(ScriptedProvider.SlackPath, ProviderReply.NoAnswer);
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook).With("QueueCapacity", "1");
        _ = console.Server;

        await console.OpenAlertAsync("Being sent", AlertSeverity.Critical);
        await provider.WaitForAsync(ScriptedProvider.SlackPath, 1);
        await console.OpenAlertAsync("Waiting", AlertSeverity.Critical);
        await console.OpenAlertAsync("Dropped", AlertSeverity.Critical);
        var dropped = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Equal(("Dropped", "queue full"), (dropped.Title, dropped.Status));
        Assert.Contains("Notifications:QueueCapacity", dropped.Error);
    }

    private static List<DeliveryUpdate> Follow(NotificationConsole console)
    {
        var updates = new List<DeliveryUpdate>();
        console.Services.GetRequiredService<NotificationFeed>().Subscribe(update =>
        {
            lock (updates)
            {
                updates.Add(update);
            }
        });
        return updates;
    }

    /// <summary>Moves the console's clock on by <paramref name="step"/> until <paramref name="done"/>, giving the
    /// console a moment after each step; answers how far the clock went. Fails after 100 steps.</summary>
    private static async Task<TimeSpan> AdvanceUntilAsync(NotificationConsole console, Func<bool> done, TimeSpan step)
    {
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 100; i++)
        {
            console.Clock.Advance(step);
            advanced += step;
            for (var poll = 0; poll < 20 && !done(); poll++)
            {
                await Task.Delay(10);
            }
            if (done())
            {
                return advanced;
            }
        }
        throw new TimeoutException($"Nothing happened within {advanced} of the console's time.");
    }
}
