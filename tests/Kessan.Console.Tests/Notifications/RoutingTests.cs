using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Auth;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Notifications;

/// <summary>Which channels each alert reaches, and PagerDuty kept in step with what happens to the alert.</summary>
public sealed class RoutingTests
{
    private const string RoutingKey = "R0UTINGKEY0123456789abcdefghijkl";

    [Theory]
    [InlineData("low", "ops-email")]
    [InlineData("medium", "ops-email")]
    [InlineData("high", "ops-email,ops-slack")]
    [InlineData("critical", "ops-email,ops-pagerduty,ops-slack")]
    public async Task A_test_alert_of_each_severity_reaches_exactly_the_configured_channels(string severity, string expected)
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var smtp = await SmtpPeer.StartAsync();
        await using var console = new NotificationConsole()
            .WithSlack("ops-slack", provider.SlackWebhook)
            .WithPagerDuty("ops-pagerduty", provider.PagerDutyEvents, RoutingKey)
            .WithEmail("ops-email", smtp.Port);
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);

        using var response = await alice.PostAsJsonAsync("/api/notifications/test-alert", new { severity });
        var deliveries = await response.Content.ReadFromJsonAsync<JsonElement>();
        var channels = deliveries.EnumerateArray().Select(d => d.GetProperty("channel").GetString()).Order();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(expected, string.Join(",", channels));
    }

    [Fact]
    public async Task A_channels_severities_replace_the_seeds_routing()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook, severities: "medium");
        _ = console.Server;

        await console.OpenAlertAsync("Routed medium", AlertSeverity.Medium);
        await console.OpenAlertAsync("Not routed critical", AlertSeverity.Critical);
        var delivered = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Equal("Routed medium", delivered.Title);
    }

    [Fact]
    public async Task Acknowledgement_and_resolution_reach_PagerDuty_with_the_triggers_dedup_key()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithPagerDuty("ops-pagerduty", provider.PagerDutyEvents, RoutingKey);
        _ = console.Server;

        var alert = await console.OpenAlertAsync("Kessan-prod-API-HighResponseTime", AlertSeverity.Critical);
        await provider.WaitForAsync(ScriptedProvider.PagerDutyPath, 1);
        await console.Services.GetRequiredService<AlertAcknowledgement>()
            .AcknowledgeAsync(ConsolePrincipal.Create(TestUsers.Alice.Name, [TestUsers.Alice.Role], "test"), alert.Id, "on it", CancellationToken.None);
        await provider.WaitForAsync(ScriptedProvider.PagerDutyPath, 2);
        await console.ResolveAlertAsync(alert);
        var events = (await provider.WaitForAsync(ScriptedProvider.PagerDutyPath, 3)).Select(r => r.Json).ToList();

        Assert.Equal(["trigger", "acknowledge", "resolve"], events.Select(e => e.GetProperty("event_action").GetString()));
        Assert.All(events, e => Assert.Equal(alert.DedupKey, e.GetProperty("dedup_key").GetString()));
        Assert.All(events, e => Assert.Equal(RoutingKey, e.GetProperty("routing_key").GetString()));
    }

    [Fact]
    public async Task Slack_hears_of_the_trigger_only()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;

        var alert = await console.OpenAlertAsync("Slack once", AlertSeverity.Critical);
        await console.FinishedAsync("ops-slack");
        await console.ResolveAlertAsync(alert);
        await console.OpenAlertAsync("Slack twice", AlertSeverity.Critical);
        var finished = await console.FinishedAsync("ops-slack", count: 2);

        Assert.Equal(["Slack once", "Slack twice"], finished.Select(a => a.Title));
    }

    [Fact]
    public async Task Application_alerts_are_not_routed_by_default_because_the_backend_sends_its_own()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;

        await console.OpenAlertAsync("From the backend", AlertSeverity.Critical, AlertSource.Application);
        await console.OpenAlertAsync("From CloudWatch", AlertSeverity.Critical);
        var delivered = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Equal("From CloudWatch", delivered.Title);
    }

    [Fact]
    public async Task Alarm_alerts_are_not_routed_when_switched_off()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook)
            .With("RouteAlarmAlerts", "false").With("RouteApplicationAlerts", "true");
        _ = console.Server;

        await console.OpenAlertAsync("From CloudWatch", AlertSeverity.Critical);
        await console.OpenAlertAsync("From the backend", AlertSeverity.Critical, AlertSource.Application);
        var delivered = Assert.Single(await console.FinishedAsync("ops-slack"));

        Assert.Equal("From the backend", delivered.Title);
    }
}
