using Kessan.Console.Shared;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Delivery progress as it happens in this console (queued, sending, waiting to retry, delivered, failed),
/// for the pages that show it live. Callbacks run on the publisher's thread: components marshal with <c>InvokeAsync</c>.</summary>
public sealed partial class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private readonly SubscriberList<DeliveryUpdate> _subscribers = new();

    /// <summary>Calls <paramref name="onUpdate"/> for every update from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<DeliveryUpdate> onUpdate) => _subscribers.Subscribe(onUpdate);

    public void Publish(DeliveryUpdate update) =>
        _subscribers.Publish(update, (exception, failed) => LogSubscriberFailed(exception, failed.Stage, failed.Channel));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification feed subscriber failed on {Stage} of a delivery to {Channel}")]
    private partial void LogSubscriberFailed(Exception exception, DeliveryStage stage, string channel);
}
