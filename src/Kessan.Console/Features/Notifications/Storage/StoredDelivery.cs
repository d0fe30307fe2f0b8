using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications.Storage;

/// <summary>One message to one channel (an alert's trigger, acknowledgement or resolution, or a test) and where it
/// stands. (alert, action, channel) is unique, so consoles sharing a database send each alert's event once.</summary>
public sealed class StoredDelivery
{
    public Guid Id { get; set; }
    public required string Channel { get; set; }
    public ChannelKind Kind { get; set; }
    public NotificationAction Action { get; set; }
    public long? AlertId { get; set; }
    public required string Title { get; set; }
    public AlertSeverity Severity { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<StoredAttempt> Attempts { get; set; } = [];
}

/// <summary>One attempt of a delivery: when, how long, and what the provider answered.</summary>
public sealed class StoredAttempt
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public StoredDelivery? Delivery { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public int LatencyMs { get; set; }
    public bool Delivered { get; set; }
    public required string Status { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public bool WillRetry { get; set; }

    public DeliveryAttempt ToAttempt(StoredDelivery delivery) => new(
        Id, DeliveryId, delivery.Channel, delivery.Kind, delivery.Action, delivery.AlertId, delivery.Title, delivery.Severity,
        Number, At, LatencyMs, Delivered, Status, Error, WillRetry);
}
