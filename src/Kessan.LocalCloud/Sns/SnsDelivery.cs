using System.Threading.Channels;

namespace Kessan.LocalCloud.Sns;

/// <summary>One message on its way to one subscription; <see cref="Outcome"/> completes when it arrived or retries ran out.</summary>
public sealed record SnsDelivery(SnsSubscription Subscription, SnsMessage Message, TaskCompletionSource<SnsDeliveryResult> Outcome);

/// <param name="StatusCode">The endpoint's last answer; null when it never answered.</param>
/// <param name="Error">Why it failed, without the endpoint (which may hold a secret).</param>
public sealed record SnsDeliveryResult(string SubscriptionArn, bool Succeeded, int Attempts, int? StatusCode, string? Error);

/// <summary>A published message and the deliveries it went out on.</summary>
/// <param name="Delivered">Completes with every confirmed subscription's result; at once when there were none.</param>
public sealed record SnsPublication(string MessageId, Task<IReadOnlyList<SnsDeliveryResult>> Delivered);

/// <summary>Deliveries waiting for the <see cref="SnsDeliveryWorker"/>; writing never blocks, so neither does publishing.</summary>
public sealed class SnsDeliveryQueue
{
    private readonly Channel<SnsDelivery> _channel = Channel.CreateUnbounded<SnsDelivery>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<SnsDelivery> Reader => _channel.Reader;

    public Task<SnsDeliveryResult> Enqueue(SnsSubscription subscription, SnsMessage message)
    {
        var outcome = new TaskCompletionSource<SnsDeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _channel.Writer.TryWrite(new SnsDelivery(subscription, message, outcome));
        return outcome.Task;
    }
}
