using System.Text.Json;
using System.Text.Json.Serialization;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>A PagerDuty Events API v2 event. A trigger carries the payload; acknowledge and resolve only name the
/// incident by its dedup key.</summary>
public sealed record PagerDutyEvent(
    [property: JsonPropertyName("routing_key")] string RoutingKey,
    [property: JsonPropertyName("event_action")] string EventAction,
    [property: JsonPropertyName("dedup_key")] string DedupKey,
    [property: JsonPropertyName("payload"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PagerDutyPayload? Payload)
{
    /// <summary>PagerDuty's own events endpoint.</summary>
    public const string DefaultEventsUrl = "https://events.pagerduty.com/v2/enqueue";

    /// <summary>PagerDuty refuses a longer summary.</summary>
    public const int MaxSummaryLength = 1024;

    /// <summary>PagerDuty refuses a longer dedup key.</summary>
    public const int MaxDedupKeyLength = 255;

    public static PagerDutyEvent For(Notification notification, string routingKey) => new(
        routingKey,
        notification.Action.Name(),
        TextLimit.Clip(notification.DedupKey, MaxDedupKeyLength),
        notification.Action == NotificationAction.Trigger
            ? new PagerDutyPayload(
                TextLimit.Clip(notification.Title, MaxSummaryLength),
                notification.Source,
                Severity(notification.Severity),
                IsoTimestamp.Format(notification.Timestamp),
                notification.Context)
            : null);

    /// <summary>PagerDuty's severities: critical → critical, high → error, medium → warning, low → info.</summary>
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "critical",
        AlertSeverity.High => "error",
        AlertSeverity.Medium => "warning",
        _ => "info",
    };
}

public sealed record PagerDutyPayload(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("custom_details")] JsonElement CustomDetails);
