using System.Collections.Immutable;
using System.Net.Http.Json;
using Kessan.LocalCloud.Receivers;

namespace Kessan.Console.Features.LocalMode;

/// <summary>Follows LocalCloud's inbox API (<c>GET /_localcloud/inbox?after=&amp;wait=true</c>) for every open
/// <c>/local/inbox</c> page at once: one long poll, not one per viewer. Pages read <see cref="Messages"/> and
/// subscribe for what arrives next.</summary>
public sealed partial class LocalInboxWatcher(
    EmbeddedLocalCloud localCloud,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory httpClientFactory,
    TimeProvider clock,
    ILogger<LocalInboxWatcher> logger) : BackgroundService
{
    public const string HttpClientName = "localcloud-inbox";

    /// <summary>How long to wait before asking again after LocalCloud did not answer.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private ImmutableList<InboxMessage> _messages = [];
    private ImmutableArray<Action<IReadOnlyList<InboxMessage>>> _subscribers = [];

    /// <summary>What has arrived so far, oldest first (LocalCloud keeps the latest <see cref="LocalInbox.Capacity"/>).</summary>
    public IReadOnlyList<InboxMessage> Messages => _messages;

    /// <summary>Calls <paramref name="onArrived"/> with each batch of new messages, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<IReadOnlyList<InboxMessage>> onArrived)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onArrived));
        return new Subscription(this, onArrived);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        using var client = httpClientFactory.CreateClient(HttpClientName);
        long lastId = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = new Uri(localCloud.Address, $"{ReceiverEndpoints.InboxPath}?after={lastId}&wait=true");
                var listing = await client.GetFromJsonAsync(url, ReceiverJsonContext.Default.InboxListing, stoppingToken);
                if (listing is { Messages.Count: > 0 })
                {
                    lastId = listing.Messages[^1].Id;
                    Arrived(listing.Messages);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                LogFailed(exception);
                await Task.Delay(RetryAfterFailure, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Arrived(IReadOnlyList<InboxMessage> messages)
    {
        ImmutableInterlocked.Update(ref _messages, list =>
        {
            var all = list.AddRange(messages);
            return all.Count > LocalInbox.Capacity ? all.RemoveRange(0, all.Count - LocalInbox.Capacity) : all;
        });
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(messages);
            }
            catch (Exception exception)
            {
                LogSubscriberFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local mode: could not read LocalCloud's inbox; trying again")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A local inbox subscriber failed")]
    private partial void LogSubscriberFailed(Exception exception);

    private sealed class Subscription(LocalInboxWatcher watcher, Action<IReadOnlyList<InboxMessage>> onArrived) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref watcher._subscribers, list => list.Remove(onArrived));
    }
}
