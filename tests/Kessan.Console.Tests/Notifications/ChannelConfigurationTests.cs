using System.Net.Http.Json;
using Bunit;
using System.Text.Json;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Tests.Support;

namespace Kessan.Console.Tests.Notifications;

/// <summary>Bad channel settings: the console starts, says what is wrong with which channel, and the others work.</summary>
public sealed class ChannelConfigurationTests
{
    [Fact]
    public async Task A_misconfigured_channel_is_shown_with_its_reason_while_the_others_deliver()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole()
            .WithSlack("ops-slack", provider.SlackWebhook)
            .With("Channels:broken-slack:Type", "slack")
            .With("Channels:broken-email:Type", "email").With("Channels:broken-email:Host", "smtp.example.com")
            .With("Channels:broken-email:Port", "twenty-five").With("Channels:broken-email:From", "kessan@example.com")
            .With("Channels:broken-email:To", "oncall@example.com");
        using var viewer = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        var channels = (await viewer.GetFromJsonAsync<JsonElement>("/api/notifications/channels")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("problem"));
        await console.OpenAlertAsync("Others still work", AlertSeverity.Critical);

        Assert.Equal(JsonValueKind.Null, channels["ops-slack"].ValueKind);
        Assert.Equal("Notifications:Channels:broken-slack:WebhookUrl is missing; expected the absolute https:// URL the provider gave you.",
            channels["broken-slack"].GetString());
        Assert.Equal("Notifications:Channels:broken-email:Port is 'twenty-five'; expected a port number from 1 to 65535.",
            channels["broken-email"].GetString());
        Assert.True(Assert.Single(await console.FinishedAsync("ops-slack")).Delivered);
    }

    [Fact]
    public async Task An_alert_routed_to_a_misconfigured_channel_is_logged_as_not_sent_with_the_reason()
    {
        await using var console = new NotificationConsole().With("Channels:broken-slack:Type", "slack").With("Channels:broken-slack:WebhookUrl", "hooks.slack.com/no-scheme");
        _ = console.Server;

        await console.OpenAlertAsync("Nowhere to go", AlertSeverity.Critical);
        var attempt = Assert.Single(await console.FinishedAsync("broken-slack"));

        Assert.Equal(("not sent", "Notifications:Channels:broken-slack:WebhookUrl is not an absolute http(s) URL."), (attempt.Status, attempt.Error));
    }

    [Fact]
    public async Task An_unknown_channel_type_is_a_start_up_warning_naming_it()
    {
        await using var console = new NotificationConsole().With("Channels:team-chat:Type", "teams");
        _ = console.Server;

        Assert.Contains(console.Log.Lines, line =>
            line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("team-chat has unknown type 'teams' (expected slack, pagerduty or email)"));
    }

    [Fact]
    public async Task A_misconfigured_channel_shows_on_the_channels_page_with_its_reason()
    {
        await using var console = new NotificationConsole().With("Channels:half-pagerduty:Type", "pagerduty");
        _ = console.Server;
        await using var pages = new ConsolePages(console, TestUsers.Viewer);

        var page = pages.Render<Features.Notifications.Pages.ChannelsPage>();

        var row = page.Find("[data-channel='half-pagerduty']");
        Assert.Equal("false", row.GetAttribute("data-usable"));
        Assert.Contains("Notifications:Channels:half-pagerduty:RoutingKey is missing", row.QuerySelector("[data-testid='channel-problem']")!.TextContent);
    }
}
