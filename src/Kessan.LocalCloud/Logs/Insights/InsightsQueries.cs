using System.Collections.Concurrent;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Storage;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>Runs Logs Insights queries in the background, as StartQuery does: at most
/// <see cref="LogsOptions.MaxConcurrentQueries"/> scheduled or running (one more is LimitExceededException), as many
/// scanning at once as there are processors, each stopped by StopQuery (Cancelled) or by
/// <see cref="LogsOptions.QueryTimeout"/> (Timeout). Finished queries are kept for GetQueryResults, the newest
/// <see cref="KeptFinishedQueries"/> of them.</summary>
public sealed partial class InsightsQueries : IDisposable
{
    public const int KeptFinishedQueries = 200;

    private readonly ConcurrentDictionary<string, QueryRun> _queries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _scanners = new(Environment.ProcessorCount);
    private readonly Lock _gate = new();
    private readonly LogStore _store;
    private readonly LogsOptions _settings;
    private readonly TimeProvider _clock;
    private readonly QueryCheckpoints _checkpoints;
    private readonly ILogger<InsightsQueries> _logger;

    public InsightsQueries(LogStore store, IOptions<LocalCloudOptions> options, TimeProvider clock, QueryCheckpoints checkpoints, ILogger<InsightsQueries> logger)
    {
        _store = store;
        _settings = options.Value.Logs;
        _clock = clock;
        _checkpoints = checkpoints;
        _logger = logger;
    }

    /// <summary>Events scanned between two reports of partial results.</summary>
    public int ChunkSize { get; init; } = 16_384;

    /// <summary>Compiles the query and schedules it.</summary>
    /// <exception cref="MalformedQueryException">When the query does not compile.</exception>
    /// <exception cref="Protocol.AwsServiceException">LimitExceededException when too many queries are under way.</exception>
    public QueryRun Start(IReadOnlyList<StoredLogGroup> groups, string queryString, long fromMilliseconds, long toMilliseconds, int? limit)
    {
        QueryPlan plan;
        try
        {
            plan = QueryCompiler.Compile(queryString, limit);
        }
        catch (QueryCompileException error)
        {
            throw Malformed(queryString, error);
        }

        var scanned = groups.Select(group => new ScannedGroup(group, _store.LogIdentifier(group))).ToList();
        var execution = new QueryExecution(plan, scanned, fromMilliseconds, toMilliseconds);
        QueryRun run;
        lock (_gate)
        {
            if (_queries.Values.Count(query => !query.IsFinished) >= _settings.MaxConcurrentQueries)
            {
                throw LogsErrors.LimitExceeded(
                    $"Account maximum query concurrency limit of [{_settings.MaxConcurrentQueries}] reached (LocalCloud:Logs:MaxConcurrentQueries); stop a query or wait for one to finish.");
            }

            run = new QueryRun(Guid.NewGuid().ToString(), queryString, [.. groups.Select(group => group.Name)], _clock.GetUtcNow(), _settings.QueryTimeout, _clock);
            _queries[run.Id] = run;
        }

        LogScheduled(run.Id, run.LogGroupNames.Count);
        _ = Task.Run(() => RunAsync(run, execution));
        return run;
    }

    public QueryRun? Find(string queryId) => _queries.GetValueOrDefault(queryId);

    /// <summary>Every kept query, newest first.</summary>
    public IReadOnlyList<QueryRun> List() => [.. _queries.Values.OrderByDescending(query => query.CreateTime).ThenBy(query => query.Id, StringComparer.Ordinal)];

    public void Dispose()
    {
        foreach (var query in _queries.Values)
        {
            query.RequestStop();
        }

        _scanners.Dispose();
    }

    /// <summary>The error StartQuery answers for a query that does not compile: line and column in the message, the
    /// character offsets in queryCompileError.</summary>
    public static MalformedQueryException Malformed(string query, QueryCompileException error)
    {
        var start = Math.Clamp(error.Span.Start, 0, query.Length);
        var end = Math.Clamp(error.Span.End - 1, start, Math.Max(start, query.Length - 1));
        var before = query.AsSpan(0, Math.Min(start, query.Length));
        var line = before.Count('\n') + 1;
        var column = start - (before.LastIndexOf('\n') + 1) + 1;
        return new MalformedQueryException(
            $"Query is malformed at line {line}, column {column}: {error.Message}", new QueryCompileError(new QueryCompileErrorLocation(start, end), error.Message));
    }

    private async Task RunAsync(QueryRun run, QueryExecution execution)
    {
        var cancellation = run.Cancellation;
        try
        {
            await _scanners.WaitAsync(cancellation);
            try
            {
                await _checkpoints.StartingAsync(run.Id, cancellation);
                cancellation.ThrowIfCancellationRequested();
                run.MarkRunning();
                await execution.RunAsync(_store, ChunkSize, run.Report, token => _checkpoints.ChunkScannedAsync(run.Id, token), cancellation);
                run.Finish(QueryStatus.Complete, _clock.GetUtcNow());
            }
            finally
            {
                _scanners.Release();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            run.Finish(run.StopRequested ? QueryStatus.Cancelled : QueryStatus.Timeout, _clock.GetUtcNow());
        }
        catch (ObjectDisposedException)
        {
            // LocalCloud is shutting down.
            run.Finish(QueryStatus.Cancelled, _clock.GetUtcNow());
        }
        catch (Exception failure)
        {
            LogFailed(failure, run.Id);
            run.Finish(QueryStatus.Failed, _clock.GetUtcNow());
        }

        var statistics = run.Latest.Statistics;
        LogFinished(run.Id, run.Status, (long)(statistics.RecordsScanned ?? 0), (long)(statistics.RecordsMatched ?? 0), run.Latest.Results.Count);
        ForgetOldest();
    }

    private void ForgetOldest()
    {
        lock (_gate)
        {
            var finished = _queries.Values.Where(query => query.IsFinished).OrderByDescending(query => query.CreateTime).Skip(KeptFinishedQueries).ToList();
            foreach (var query in finished)
            {
                if (_queries.TryRemove(query.Id, out var removed))
                {
                    removed.Dispose();
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Insights query {QueryId} scheduled over {LogGroups} log groups")]
    private partial void LogScheduled(string queryId, int logGroups);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Insights query {QueryId} ended {Status}: {Scanned} events scanned, {Matched} matched, {Rows} rows")]
    private partial void LogFinished(string queryId, string status, long scanned, long matched, int rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Insights query {QueryId} failed")]
    private partial void LogFailed(Exception exception, string queryId);
}
