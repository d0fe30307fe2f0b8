using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>One message to send, whatever the channel: the alert's content (the seed AlertManager's title, message,
/// severity, context, timestamp), what it does to the incident, and the key that ties its PagerDuty events together.</summary>
public sealed record Notification
{
    /// <summary>Marks every test message, in its title, so nobody mistakes it for an incident.</summary>
    public const string TestMarker = "[TEST]";

    public required NotificationAction Action { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required AlertSeverity Severity { get; init; }

    /// <summary>A JSON object; one Slack field and one PagerDuty custom detail per property.</summary>
    public required JsonElement Context { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>PagerDuty's dedup_key: the alert's key, so acknowledge and resolve reach the incident the trigger opened.</summary>
    public required string DedupKey { get; init; }

    /// <summary>PagerDuty's payload.source: what is affected.</summary>
    public required string Source { get; init; }

    /// <summary>The alert this is about; null for a test.</summary>
    public long? AlertId { get; init; }

    public bool IsTest => AlertId is null;

    private static readonly JsonElement NoContext = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The notification for an alert's trigger, acknowledgement or resolution.</summary>
    public static Notification ForAlert(Alert alert, NotificationAction action, DateTimeOffset at) => new()
    {
        Action = action,
        Title = alert.Title,
        Message = alert.Message,
        Severity = alert.Severity,
        Context = alert.Context.ValueKind == JsonValueKind.Object ? alert.Context : NoContext,
        Timestamp = action == NotificationAction.Trigger ? alert.TriggeredAt : at,
        DedupKey = alert.DedupKey,
        // The seed's AlertManager names itself kessan-api; alarms come from CloudWatch.
        Source = alert.Source == AlertSource.Alarm ? "cloudwatch" : "kessan-api",
        AlertId = alert.Id,
    };

    /// <summary>A clearly marked test: <paramref name="channel"/> is the one "Send test" was pressed on, or null for a
    /// test alert sent through the routing rules. <paramref name="testId"/> keeps each test its own PagerDuty incident.</summary>
    public static Notification Test(AlertSeverity severity, string? channel, string requestedBy, string testId, DateTimeOffset at)
    {
        var context = new Dictionary<string, string>
        {
            ["requested_by"] = requestedBy,
            ["test_id"] = testId,
        };
        if (channel is not null)
        {
            context["channel"] = channel;
        }
        return new Notification
        {
            Action = NotificationAction.Trigger,
            Title = channel is null
                ? $"{TestMarker} Test {severity.Name()} alert from Kessan Console"
                : $"{TestMarker} Test message from Kessan Console to {channel}",
            Message = $"This is a test sent by {requestedBy} from Kessan Console to check that notifications arrive. No action is needed.",
            Severity = severity,
            Context = JsonSerializer.SerializeToElement(context, NotificationJsonContext.Default.DictionaryStringString),
            Timestamp = at,
            DedupKey = $"kessan-console-test-{testId}",
            Source = "kessan-console",
        };
    }
}
