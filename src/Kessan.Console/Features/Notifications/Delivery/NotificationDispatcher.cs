using System.Collections.Concurrent;
using System.Threading.Channels;
using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.Console.Features.Notifications.Storage;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Delivers notifications: a bounded queue and one worker per channel, so a slow or dead channel holds up
/// neither alert handling (enqueueing never waits) nor any other channel. Each message is tried until delivered,
/// refused for good, or out of attempts (<see cref="RetryPolicy"/>); every attempt is recorded in the
/// <see cref="DeliveryLog"/> and published on the <see cref="NotificationFeed"/>. All waits run on the TimeProvider.</summary>
public sealed partial class NotificationDispatcher(
    ChannelCatalog catalog,
    IEnumerable<IChannelSender> senders,
    DeliveryLog log,
    NotificationFeed feed,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, Channel<QueuedDelivery>> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ChannelKind, IChannelSender> _senders = senders.ToDictionary(s => s.Kind);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];

    /// <summary>Checks the channels (warnings for bad ones) and starts a worker for each usable one.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in catalog.All.Where(c => c.IsUsable))
        {
            var queue = Channel.CreateBounded<QueuedDelivery>(new BoundedChannelOptions(options.Value.QueueCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            _queues[channel.Name] = queue;
            _workers.Add(Task.Run(() => WorkAsync(channel, queue.Reader, _stopping.Token), CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues.Values)
        {
            queue.Writer.TryComplete();
        }
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Records a delivery of <paramref name="notification"/> to <paramref name="channel"/> and queues it without
    /// waiting. A misconfigured channel or a full queue is recorded as a failed attempt saying why. Null when another
    /// console already took this alert's event for this channel.</summary>
    /// <exception cref="DeliveryLogException">The delivery could not be recorded; nothing was queued.</exception>
    public async Task<Guid?> EnqueueAsync(ChannelDefinition channel, Notification notification, string requestedBy, CancellationToken cancellationToken)
    {
        if (await log.CreateAsync(channel, notification, requestedBy, cancellationToken) is not { } deliveryId)
        {
            return null;
        }
        if (!channel.IsUsable || !_queues.TryGetValue(channel.Name, out var queue))
        {
            await FailUnsentAsync(deliveryId, channel.Name, channel.Problem ?? "The channel is not running.", "not sent", cancellationToken);
        }
        else if (!queue.Writer.TryWrite(new QueuedDelivery(deliveryId, notification)))
        {
            LogQueueFull(channel.Name, options.Value.QueueCapacity);
            await FailUnsentAsync(deliveryId, channel.Name,
                $"{options.Value.QueueCapacity} messages are already waiting for this channel (Notifications:QueueCapacity); it is not keeping up.",
                "queue full", cancellationToken);
        }
        else
        {
            feed.Publish(new DeliveryUpdate(deliveryId, channel.Name, DeliveryStage.Queued, 0));
        }
        return deliveryId;
    }

    private async Task FailUnsentAsync(Guid deliveryId, string channel, string reason, string status, CancellationToken cancellationToken)
    {
        var attempt = await log.RecordAttemptAsync(deliveryId, 1, clock.GetUtcNow(), TimeSpan.Zero,
            new AttemptResult(false, status, null, reason, false), willRetry: false, cancellationToken);
        feed.Publish(new DeliveryUpdate(deliveryId, channel, DeliveryStage.Failed, 1, attempt));
    }

    private async Task WorkAsync(ChannelDefinition channel, ChannelReader<QueuedDelivery> queue, CancellationToken stopping)
    {
        try
        {
            await foreach (var delivery in queue.ReadAllAsync(stopping))
            {
                await DeliverAsync(channel, delivery, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; what is still queued is not sent.
        }
    }

    private async Task DeliverAsync(ChannelDefinition channel, QueuedDelivery delivery, CancellationToken stopping)
    {
        var target = channel.Target!;
        var policy = options.Value.RetryPolicy;
        for (var number = 1; ; number++)
        {
            feed.Publish(new DeliveryUpdate(delivery.Id, channel.Name, DeliveryStage.Sending, number));
            var at = clock.GetUtcNow();
            var started = clock.GetTimestamp();
            var result = Scrubbed(await AttemptAsync(target, delivery.Notification, stopping), target);
            var latency = clock.GetElapsedTime(started);
            var wait = policy.DelayAfter(number, result);
            var stage = result.Delivered ? DeliveryStage.Delivered : wait is null ? DeliveryStage.Failed : DeliveryStage.WaitingToRetry;
            LogAttempt(channel.Name, number, result.Status, stage);

            DeliveryAttempt? recorded = null;
            try
            {
                recorded = await log.RecordAttemptAsync(delivery.Id, number, at, latency, result, wait is not null, stopping);
            }
            catch (DeliveryLogException)
            {
                // Logged by the delivery log; the message went (or did not) all the same.
            }
            feed.Publish(new DeliveryUpdate(delivery.Id, channel.Name, stage, number, recorded, wait));
            if (wait is not { } delay)
            {
                return;
            }
            await Task.Delay(delay, clock, stopping);
        }
    }

    /// <summary>One attempt, bounded by <see cref="NotificationOptions.AttemptTimeout"/> on the TimeProvider.</summary>
    private async Task<AttemptResult> AttemptAsync(ChannelTarget target, Notification notification, CancellationToken stopping)
    {
        var timeout = options.Value.AttemptTimeout;
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stopping);
        try
        {
            return await _senders[target.Kind].SendAsync(target, notification, linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return AttemptResult.TimedOut(timeout);
        }
        catch (HttpRequestException unreachable)
        {
            return AttemptResult.Unreachable(unreachable.InnerException?.Message ?? unreachable.Message);
        }
    }

    private static AttemptResult Scrubbed(AttemptResult result, ChannelTarget target) =>
        result with { Status = target.Scrub(result.Status), Error = result.Error is null ? null : target.Scrub(result.Error) };

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification to {Channel}, attempt {Attempt}: {Status} ({Stage})")]
    private partial void LogAttempt(string channel, int attempt, string status, DeliveryStage stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} has {Capacity} messages waiting; a new one is dropped")]
    private partial void LogQueueFull(string channel, int capacity);

    private sealed record QueuedDelivery(Guid Id, Notification Notification);
}
