using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>One recorded attempt to deliver a message to a channel, as the delivery log shows it.
/// <see cref="AlertId"/> is null for a test. <see cref="WillRetry"/> says a further attempt follows.</summary>
public sealed record DeliveryAttempt(
    long Id,
    Guid DeliveryId,
    string Channel,
    ChannelKind Kind,
    NotificationAction Action,
    long? AlertId,
    string Title,
    AlertSeverity Severity,
    int Number,
    DateTimeOffset At,
    int LatencyMs,
    bool Delivered,
    string Status,
    string? Error,
    bool WillRetry)
{
    public bool IsTest => AlertId is null;
}
