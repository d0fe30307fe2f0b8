using System.Text.Json;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Core.Tests.Notifications;

public sealed class NotificationFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("response_time_ms", "Response Time Ms")]
    [InlineData("db_pool", "Db Pool")]
    [InlineData("HTTPStatus", "Httpstatus")]
    [InlineData("p99_2xx", "P99 2Xx")]
    public void Context_field_titles_read_as_pythons_title_case(string key, string title) =>
        Assert.Equal(title, SlackMessage.FieldTitle(key));

    [Theory]
    [InlineData(AlertSeverity.Low, "#36a64f")]
    [InlineData(AlertSeverity.Medium, "#ff9500")]
    [InlineData(AlertSeverity.High, "#ff0000")]
    [InlineData(AlertSeverity.Critical, "#8B0000")]
    public void Slack_colours_follow_the_seed(AlertSeverity severity, string colour) =>
        Assert.Equal(colour, SlackMessage.Color(severity));

    [Fact]
    public void A_pagerduty_summary_longer_than_1024_characters_is_cut_to_1024()
    {
        var notification = Build(title: new string('x', 2000));

        var summary = PagerDutyEvent.For(notification, "key").Payload!.Summary;

        Assert.Equal(1024, summary.Length);
        Assert.EndsWith("…", summary);
    }

    [Theory]
    [InlineData(NotificationAction.Acknowledge, "acknowledge")]
    [InlineData(NotificationAction.Resolve, "resolve")]
    public void Acknowledge_and_resolve_events_carry_only_the_key_and_no_payload(NotificationAction action, string eventAction)
    {
        var json = JsonSerializer.Serialize(PagerDutyEvent.For(Build(action: action), "routing-key"), NotificationJsonContext.Default.PagerDutyEvent);

        Assert.Equal($$"""{"routing_key":"routing-key","event_action":"{{eventAction}}","dedup_key":"Kessan-prod-DB-HighConnections"}""", json);
    }

    [Fact]
    public void Email_text_and_html_carry_the_same_fields()
    {
        var email = EmailContent.For(Build(context: new { pool_size = 20 }));

        Assert.Equal("[CRITICAL] DB connections high", email.Subject);
        Assert.Contains("Pool Size: 20", email.Text);
        Assert.Contains("<tr><th align=\"left\">Pool Size</th><td>20</td></tr>", email.Html);
    }

    [Fact]
    public void Email_html_escapes_what_the_alert_says()
    {
        var email = EmailContent.For(Build(title: "<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains("&lt;script&gt;", email.Html);
    }

    [Fact]
    public void A_test_notification_is_marked_as_a_test_with_its_own_dedup_key()
    {
        var first = Notification.Test(AlertSeverity.Critical, null, "alice", "abc", At);
        var second = Notification.Test(AlertSeverity.Critical, "ops-slack", "alice", "def", At);

        Assert.StartsWith(Notification.TestMarker, first.Title);
        Assert.Contains("ops-slack", second.Title);
        Assert.NotEqual(first.DedupKey, second.DedupKey);
        Assert.True(first.IsTest);
    }

    private static Notification Build(string title = "DB connections high", NotificationAction action = NotificationAction.Trigger, object? context = null) => new()
    {
        Action = action,
        Title = title,
        Message = "180 of 200",
        Severity = AlertSeverity.Critical,
        Context = JsonSerializer.SerializeToElement(context ?? new { }),
        Timestamp = At,
        DedupKey = "Kessan-prod-DB-HighConnections",
        Source = "cloudwatch",
        AlertId = 1,
    };
}
