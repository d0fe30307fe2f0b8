using Kessan.Console.Shared;
using Kessan.LocalCloud.Receivers;

namespace Kessan.Console.Features.LocalMode;

/// <summary>Waits on the embedded LocalCloud's <see cref="LocalInbox"/> for every open <c>/local/inbox</c> page at
/// once: one waiter, not one per viewer. Pages read <see cref="Messages"/> and subscribe for what arrives next.</summary>
public sealed partial class LocalInboxWatcher(EmbeddedLocalCloud localCloud, IHostApplicationLifetime lifetime, ILogger<LocalInboxWatcher> logger)
    : BackgroundService
{
    private readonly SubscriberList<IReadOnlyList<InboxMessage>> _subscribers = new();

    /// <summary>What has arrived so far, oldest first (LocalCloud keeps the latest <see cref="LocalInbox.Capacity"/>).</summary>
    public IReadOnlyList<InboxMessage> Messages => localCloud.Inbox.List(0).Messages;

    /// <summary>Calls <paramref name="onArrived"/> with each batch of new messages, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<IReadOnlyList<InboxMessage>> onArrived) => _subscribers.Subscribe(onArrived);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var inbox = localCloud.Inbox;
        long lastId = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var listing = await inbox.WaitAfterAsync(lastId, stoppingToken);
            if (listing.Messages.Count > 0)
            {
                lastId = listing.Messages[^1].Id;
                _subscribers.Publish(listing.Messages, (exception, _) => LogSubscriberFailed(exception));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A local inbox subscriber failed")]
    private partial void LogSubscriberFailed(Exception exception);
}
