using System.Collections.Immutable;

namespace Kessan.Console.Shared;

/// <summary>The callbacks of one in-process stream. Subscribing and unsubscribing never block a publish, and a
/// callback that throws keeps the item from no other subscriber and does not stop the publisher.</summary>
public sealed class SubscriberList<T>
{
    private ImmutableArray<Action<T>> _subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> for every item published from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<T> subscriber)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscriber));
        return new Subscription(this, subscriber);
    }

    /// <summary>Calls every subscriber with <paramref name="item"/> on this thread; <paramref name="onFailure"/> hears of
    /// each one that threw.</summary>
    public void Publish(T item, Action<Exception, T> onFailure)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(item);
            }
            catch (Exception exception)
            {
                onFailure(exception, item);
            }
        }
    }

    private sealed class Subscription(SubscriberList<T> list, Action<T> subscriber) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref list._subscribers, subscribers => subscribers.Remove(subscriber));
    }
}
