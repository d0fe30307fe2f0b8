using System.Net.Http.Json;
using Bunit;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Notifications.Pages;
using Kessan.Console.Tests.Support;

namespace Kessan.Console.Tests.Notifications;

/// <summary>Webhook URLs, routing keys and SMTP passwords never show: not on a page, not in the API, not in a log
/// line or a recorded error — even when a provider echoes them back in its error.</summary>
public sealed class SecretsTests
{
    private const string RoutingKey = "SECRETROUTINGKEY0123456789abcdef";
    private const string Password = "smtp-secret-password-42";

    [Fact]
    public async Task Secrets_appear_in_no_page_api_answer_or_log_line_after_sending_and_failing()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var smtp = await SmtpPeer.StartAsync("kessan", "the-right-password");
        var webhook = provider.SlackWebhook;
        provider.SetDefault(ScriptedProvider.SlackPath, new ProviderReply(404, $"no_service for {webhook.AbsoluteUri}"));
        provider.SetDefault(ScriptedProvider.PagerDutyPath, new ProviderReply(400,
            $$"""{"status":"invalid event","message":"Event object is invalid","errors":["routing key {{RoutingKey}} is not known"]}""", "application/json"));
        await using var console = new NotificationConsole()
            .WithSlack("ops-slack", webhook)
            .WithPagerDuty("ops-pagerduty", provider.PagerDutyEvents, RoutingKey)
            .WithEmail("ops-email", smtp.Port, "kessan", Password);
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);

        (await alice.PostAsJsonAsync("/api/notifications/test-alert", new { severity = "critical" })).Dispose();
        await console.OpenAlertAsync("Kessan-prod-API-HighErrorRate", AlertSeverity.Critical);
        foreach (var channel in new[] { "ops-slack", "ops-pagerduty", "ops-email" })
        {
            Assert.All(await console.FinishedAsync(channel, count: 2), attempt => Assert.False(attempt.Delivered));
        }
        var answers = await alice.GetStringAsync("/api/notifications/channels") + await alice.GetStringAsync("/api/notifications/attempts?from=now-1h&to=now");
        await using var pages = new ConsolePages(console, TestUsers.Alice);
        var channelsPage = pages.Render<ChannelsPage>();
        var logPage = pages.Render<NotificationsPage>();
        logPage.WaitForAssertion(() => Assert.Equal(6, logPage.FindAll("[data-testid='attempt-row']").Count));

        var secrets = new[] { webhook.AbsoluteUri, webhook.AbsolutePath, RoutingKey, Password };
        foreach (var (place, text) in new[] { ("the channels page", channelsPage.Markup), ("the delivery log page", logPage.Markup), ("the API", answers) }
                     .Concat(console.Log.Lines.Select(line => ("the log", line))))
        {
            Assert.False(secrets.Any(text.Contains), $"A secret appears in {place}: {text}");
        }
        Assert.Contains("no_service for", logPage.Markup);
        Assert.Contains("…", channelsPage.Markup);
    }
}
