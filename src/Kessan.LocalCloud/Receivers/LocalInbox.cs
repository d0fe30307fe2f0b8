namespace Kessan.LocalCloud.Receivers;

/// <summary>What the local Slack, PagerDuty and SMTP receivers accepted, newest last, the latest
/// <see cref="Capacity"/> kept. Readers wait for newer messages with <see cref="WaitAfterAsync"/>.</summary>
public sealed class LocalInbox(TimeProvider clock)
{
    public const int Capacity = 500;

    private readonly Lock _gate = new();
    private readonly LinkedList<InboxMessage> _messages = new();
    private long _lastId;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InboxMessage Add(string kind, string title, string? severity, string? action, string recipient, string body, string? html = null)
    {
        TaskCompletionSource arrived;
        InboxMessage message;
        lock (_gate)
        {
            message = new InboxMessage(++_lastId, kind, clock.GetUtcNow(), title, severity, action, recipient, body, html);
            _messages.AddLast(message);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveFirst();
            }
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.SetResult();
        return message;
    }

    /// <summary>Messages with an id above <paramref name="afterId"/>, oldest first.</summary>
    public InboxListing List(long afterId)
    {
        lock (_gate)
        {
            return new InboxListing([.. _messages.Where(m => m.Id > afterId)], _lastId);
        }
    }

    /// <summary>Messages above <paramref name="afterId"/>, waiting until there is at least one or
    /// <paramref name="cancellationToken"/> ends the wait (then the listing may be empty).</summary>
    public async Task<InboxListing> WaitAfterAsync(long afterId, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                arrived = _lastId > afterId || cancellationToken.IsCancellationRequested ? Task.CompletedTask : _arrived.Task;
            }
            if (arrived.IsCompleted)
            {
                return List(afterId);
            }
            try
            {
                await arrived.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return List(afterId);
            }
        }
    }
}
