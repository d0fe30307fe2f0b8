using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Storage;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>What a query has produced so far: its rows and statistics.</summary>
public sealed record QueryProgressReport(IReadOnlyList<IReadOnlyList<ResultField>> Results, QueryStatistics Statistics);

/// <summary>One run of a compiled query over log groups and a time range. It scans the newest segments first and
/// events newest first within them, so a query that only filters fills its result with recent events and stops;
/// after every <c>chunkSize</c> events it reports what it would answer now.</summary>
public sealed class QueryExecution(QueryPlan plan, IReadOnlyList<ScannedGroup> groups, long fromMilliseconds, long toMilliseconds)
{
    private long _scanned;
    private long _matched;
    private long _bytes;

    /// <param name="report">Called with partial results after each chunk, and with the final ones at the end.</param>
    /// <param name="afterChunk">Awaited after each chunk's report: where a test holds a query mid-run.</param>
    public async Task RunAsync(LogStore store, int chunkSize, Action<QueryProgressReport> report, Func<CancellationToken, ValueTask> afterChunk, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        plan.Layout.Bind(store.FieldNames);
        var collector = plan.Collector.StartCollecting();
        var row = new QueryRow(plan.Layout);
        var from = Math.Max(fromMilliseconds, store.Cutoff);
        var sinceReport = 0;
        foreach (var group in groups)
        {
            var segments = group.Group.Segments;
            for (var s = segments.Length - 1; s >= 0; s--)
            {
                var segment = segments[s];
                if (segment.MaxTimestamp < from || segment.MinTimestamp > toMilliseconds)
                {
                    continue;
                }

                var view = segment.View();
                for (var i = view.Count - 1; i >= 0; i--)
                {
                    var timestamp = view.Timestamp(i);
                    if (timestamp < from || timestamp > toMilliseconds)
                    {
                        continue;
                    }

                    _scanned++;
                    _bytes += view.MessageLength(i);
                    row.MoveTo(view, i, group, plan.ScanSetsValues);
                    if (plan.Passes(row))
                    {
                        _matched++;
                        if (!collector.Add(row))
                        {
                            report(Report(collector));
                            return;
                        }
                    }

                    if (++sinceReport == chunkSize)
                    {
                        sinceReport = 0;
                        report(Report(collector));
                        await afterChunk(cancellationToken);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }
        }

        report(Report(collector));
    }

    private QueryProgressReport Report(RowCollector collector)
    {
        var results = plan.Results(collector);
        return new QueryProgressReport(results, new QueryStatistics
        {
            RecordsMatched = _matched,
            RecordsScanned = _scanned,
            BytesScanned = _bytes,
            EstimatedRecordsSkipped = 0,
            EstimatedBytesSkipped = 0,
            LogGroupsScanned = groups.Count,
        });
    }
}
