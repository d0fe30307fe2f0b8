namespace Kessan.Console.Core.Notifications;

/// <summary>Where a delivery (one message to one channel) stands.</summary>
public enum DeliveryOutcome
{
    /// <summary>Queued, being sent, or waiting to be tried again.</summary>
    Pending,
    Delivered,
    Failed,
}
