namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>The points of a query run where it may wait: before it starts scanning (still Scheduled) and after each
/// chunk (Running, with partial results published). LocalCloud never waits there; tests hold a query at one to
/// watch its lifecycle without depending on timing.</summary>
public class QueryCheckpoints
{
    public virtual ValueTask StartingAsync(string queryId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public virtual ValueTask ChunkScannedAsync(string queryId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
