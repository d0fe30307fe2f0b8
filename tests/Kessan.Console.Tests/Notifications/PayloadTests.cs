using System.Text.Json;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Tests.Notifications;

/// <summary>What Slack, PagerDuty and the mail server receive for an alert, field by field.</summary>
public sealed class PayloadTests
{
    private const string RoutingKey = "R0UTINGKEY0123456789abcdefghijkl";

    [Fact]
    public async Task Slack_gets_the_seeds_attachment_coloured_by_severity_with_severity_timestamp_and_one_field_per_context_entry()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;

        var alert = await console.OpenAlertAsync("Kessan-prod-API-HighErrorRate", AlertSeverity.Critical,
            context: new { error_rate_percent = 7.5, endpoint = "/api/v1/analysis", retried = true });
        var message = (await provider.WaitForAsync(ScriptedProvider.SlackPath, 1))[0].Json;

        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("#8B0000", attachment.GetProperty("color").GetString());
        Assert.Equal(alert.Title, attachment.GetProperty("title").GetString());
        Assert.Equal(alert.Message, attachment.GetProperty("text").GetString());
        var fields = attachment.GetProperty("fields").EnumerateArray()
            .Select(f => (f.GetProperty("title").GetString(), f.GetProperty("value").GetString(), f.GetProperty("short").GetBoolean()))
            .ToList();
        Assert.Equal(
            [
                ("Severity", "CRITICAL", true),
                ("Timestamp", "2026-11-20T05:00:00.000Z", true),
                ("Error Rate Percent", "7.5", true),
                ("Endpoint", "/api/v1/analysis", true),
                ("Retried", "True", true),
            ],
            fields);
    }

    [Fact]
    public async Task PagerDuty_trigger_carries_the_routing_key_the_alerts_dedup_key_and_the_payload()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithPagerDuty("ops-pagerduty", provider.PagerDutyEvents, RoutingKey);
        _ = console.Server;

        var alert = await console.OpenAlertAsync("Kessan-prod-DB-HighConnections", AlertSeverity.Critical, context: new { connections = 180 });
        var trigger = (await provider.WaitForAsync(ScriptedProvider.PagerDutyPath, 1))[0].Json;

        Assert.Equal(RoutingKey, trigger.GetProperty("routing_key").GetString());
        Assert.Equal("trigger", trigger.GetProperty("event_action").GetString());
        Assert.Equal(alert.DedupKey, trigger.GetProperty("dedup_key").GetString());
        var payload = trigger.GetProperty("payload");
        Assert.Equal(alert.Title, payload.GetProperty("summary").GetString());
        Assert.Equal("cloudwatch", payload.GetProperty("source").GetString());
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal("2026-11-20T05:00:00.000Z", payload.GetProperty("timestamp").GetString());
        Assert.Equal(180, payload.GetProperty("custom_details").GetProperty("connections").GetInt32());
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, "critical")]
    [InlineData(AlertSeverity.High, "error")]
    [InlineData(AlertSeverity.Medium, "warning")]
    [InlineData(AlertSeverity.Low, "info")]
    public async Task PagerDuty_severity_is_mapped_from_the_alerts(AlertSeverity severity, string expected)
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithPagerDuty("ops-pagerduty", provider.PagerDutyEvents, RoutingKey, "low,medium,high,critical");
        _ = console.Server;

        await console.OpenAlertAsync($"Severity {severity}", severity);
        var trigger = (await provider.WaitForAsync(ScriptedProvider.PagerDutyPath, 1))[0].Json;

        Assert.Equal(expected, trigger.GetProperty("payload").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Email_arrives_over_smtp_with_html_and_plain_text_of_the_same_content()
    {
        await using var smtp = await SmtpPeer.StartAsync();
        await using var console = new NotificationConsole().WithEmail("ops-email", smtp.Port);
        _ = console.Server;

        await console.OpenAlertAsync("Kessan-prod-ECS-HighCPU", AlertSeverity.High, context: new { cpu_percent = 91 });
        var attempt = Assert.Single(await console.FinishedAsync("ops-email"));
        var mail = Assert.Single(smtp.Inbox.List(0).Messages);

        Assert.True(attempt.Delivered, attempt.Error);
        Assert.StartsWith("SMTP 250", attempt.Status);
        Assert.Equal("[HIGH] Kessan-prod-ECS-HighCPU", mail.Title);
        Assert.Equal("oncall@example.com, lead@example.com", mail.Recipient);
        foreach (var line in new[] { "Kessan-prod-ECS-HighCPU is in ALARM", "Severity", "HIGH", "Cpu Percent", "91" })
        {
            Assert.Contains(line, mail.Body);
            Assert.Contains(line, mail.Html);
        }
    }

    [Fact]
    public async Task Email_logs_in_when_a_username_and_password_are_configured()
    {
        await using var smtp = await SmtpPeer.StartAsync("kessan", "smtp-password-1234");
        await using var console = new NotificationConsole().WithEmail("ops-email", smtp.Port, "kessan", "smtp-password-1234");
        _ = console.Server;

        await console.OpenAlertAsync("Logged in", AlertSeverity.Low);
        var attempt = Assert.Single(await console.FinishedAsync("ops-email"));

        Assert.True(attempt.Delivered, attempt.Error);
        Assert.Single(smtp.Inbox.List(0).Messages);
    }

    [Fact]
    public async Task Email_that_requires_starttls_is_not_sent_in_clear_to_a_server_without_it()
    {
        await using var smtp = await SmtpPeer.StartAsync();
        await using var console = new NotificationConsole().WithEmail("ops-email", smtp.Port, security: "starttls");
        _ = console.Server;

        await console.OpenAlertAsync("No downgrade", AlertSeverity.Low);
        var attempt = Assert.Single(await console.FinishedAsync("ops-email"));

        Assert.False(attempt.Delivered);
        Assert.Equal(1, attempt.Number);
        Assert.Contains("STARTTLS", attempt.Error);
        Assert.Empty(smtp.Inbox.List(0).Messages);
    }
}
