using System.Collections.Immutable;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Delivery progress as it happens in this console (queued, sending, waiting to retry, delivered, failed),
/// for the pages that show it live. Callbacks run on the publisher's thread: components marshal with <c>InvokeAsync</c>.</summary>
public sealed partial class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private ImmutableArray<Action<DeliveryUpdate>> _subscribers = [];

    /// <summary>Calls <paramref name="onUpdate"/> for every update from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<DeliveryUpdate> onUpdate)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onUpdate));
        return new Subscription(this, onUpdate);
    }

    public void Publish(DeliveryUpdate update)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(update);
            }
            catch (Exception exception)
            {
                // One broken screen must not keep the update from the others, nor stop the delivery.
                LogSubscriberFailed(exception, update.Stage, update.Channel);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification feed subscriber failed on {Stage} of a delivery to {Channel}")]
    private partial void LogSubscriberFailed(Exception exception, DeliveryStage stage, string channel);

    private sealed class Subscription(NotificationFeed feed, Action<DeliveryUpdate> onUpdate) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref feed._subscribers, list => list.Remove(onUpdate));
    }
}
