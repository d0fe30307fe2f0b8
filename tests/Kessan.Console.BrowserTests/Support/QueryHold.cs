using Kessan.LocalCloud.Logs.Insights;

namespace Kessan.Console.BrowserTests.Support;

/// <summary>Holds the embedded LocalCloud's Insights queries after each scanned chunk (their partial results already
/// published, status Running) while armed, so a test sees rows arrive before the query completes without relying on
/// timing. Unarmed, queries run straight through.</summary>
public sealed class QueryHold : QueryCheckpoints
{
    private volatile TaskCompletionSource? _gate;

    public void Arm() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    public override ValueTask ChunkScannedAsync(string queryId, CancellationToken cancellationToken) =>
        _gate is { } gate ? new ValueTask(gate.Task.WaitAsync(cancellationToken)) : ValueTask.CompletedTask;
}
