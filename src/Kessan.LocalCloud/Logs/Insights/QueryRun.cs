using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>One Insights query from StartQuery on: its status, its latest (partial or final) results, and what stops it.</summary>
public sealed class QueryRun : IDisposable
{
    private static readonly QueryProgressReport Nothing = new([], new QueryStatistics
    {
        RecordsMatched = 0, RecordsScanned = 0, BytesScanned = 0, EstimatedRecordsSkipped = 0, EstimatedBytesSkipped = 0, LogGroupsScanned = 0,
    });

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _either;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private QueryProgressReport _latest = Nothing;
    private string _status = QueryStatus.Scheduled;
    private DateTimeOffset? _finished;

    public QueryRun(string id, string queryString, IReadOnlyList<string> logGroupNames, DateTimeOffset createTime, TimeSpan timeout, TimeProvider clock)
    {
        Id = id;
        QueryString = queryString;
        LogGroupNames = logGroupNames;
        CreateTime = createTime;
        _timeout = new CancellationTokenSource(timeout, clock);
        _either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _timeout.Token);
    }

    public string Id { get; }

    public string QueryString { get; }

    public IReadOnlyList<string> LogGroupNames { get; }

    public DateTimeOffset CreateTime { get; }

    public string Status => Volatile.Read(ref _status);

    public bool IsFinished => QueryStatus.IsFinished(Status);

    public QueryProgressReport Latest => Volatile.Read(ref _latest);

    /// <summary>Completes when the query has reached a finished status.</summary>
    public Task Finished => _done.Task;

    /// <summary>Cancelled by StopQuery or the timeout.</summary>
    public CancellationToken Cancellation => _either.Token;

    public bool StopRequested => _stop.IsCancellationRequested;

    /// <summary>How long it has run, or ran.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (_finished ?? now) - CreateTime;

    public void Report(QueryProgressReport progress) => Volatile.Write(ref _latest, progress);

    public void MarkRunning() => Interlocked.CompareExchange(ref _status, QueryStatus.Running, QueryStatus.Scheduled);

    public void Finish(string status, DateTimeOffset at)
    {
        _finished = at;
        Volatile.Write(ref _status, status);
        _done.TrySetResult();
    }

    /// <returns>False when the query had already finished.</returns>
    public bool RequestStop()
    {
        if (IsFinished)
        {
            return false;
        }

        _stop.Cancel();
        return true;
    }

    public void Dispose()
    {
        _either.Dispose();
        _timeout.Dispose();
        _stop.Dispose();
    }
}
