using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Where a delivery is now, as screens show it live.</summary>
public enum DeliveryStage
{
    Queued,
    Sending,
    WaitingToRetry,
    Delivered,
    Failed,
}

/// <summary>One step of a delivery. <see cref="Attempt"/> is the attempt just recorded (null while queued or
/// sending); <see cref="NextTryIn"/> the wait before the next attempt.</summary>
public sealed record DeliveryUpdate(Guid DeliveryId, string Channel, DeliveryStage Stage, int AttemptNumber, DeliveryAttempt? Attempt = null, TimeSpan? NextTryIn = null);
