using Kessan.LocalCloud.Logs.Insights;

namespace Kessan.LocalCloud.Tests.Logs;

/// <summary>Holds queries at their checkpoints until the test lets them go: before scanning (<see cref="Start"/>) and
/// after each chunk (<see cref="Chunk"/>), so a test sees Scheduled and Running states without timing.</summary>
internal sealed class HeldCheckpoints : QueryCheckpoints
{
    public Gate Start { get; } = new();

    public Gate Chunk { get; } = new();

    public override ValueTask StartingAsync(string queryId, CancellationToken cancellationToken) => Start.PassAsync(cancellationToken);

    public override ValueTask ChunkScannedAsync(string queryId, CancellationToken cancellationToken) => Chunk.PassAsync(cancellationToken);
}

/// <summary>A point queries wait at while it is closed; a test waits until one has arrived.</summary>
internal sealed class Gate
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrivals = new(0);

    public async ValueTask PassAsync(CancellationToken cancellationToken)
    {
        _arrivals.Release();
        await _open.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits (with a deadline) until a query has arrived at the gate.</summary>
    public async Task ReachedAsync()
    {
        if (!await _arrivals.WaitAsync(Deadline))
        {
            throw new TimeoutException($"No query reached the gate within {Deadline}.");
        }
    }

    public void Open() => _open.TrySetResult();
}
