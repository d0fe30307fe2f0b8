using System.Diagnostics.Metrics;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Shared;
using Microsoft.Extensions.Options;
using AwsDimension = Kessan.Console.Aws.CloudWatch.Dimension;

namespace Kessan.Console.Features.Dashboards.Refresh;

/// <summary>Shared subscriptions instead of per-viewer polling: one refresh schedule per distinct
/// <see cref="MetricKey"/>, reference-counted by the circuits that show it. Every pass batches all due keys into
/// GetMetricData calls of up to 500 queries and fans the results out, so CloudWatch calls grow with distinct
/// queries, not with viewers. After the first load only the newest periods are fetched and appended.</summary>
public sealed partial class MetricRefresher(
    ICloudWatch cloudWatch,
    TimeProvider clock,
    IOptions<DashboardOptions> options,
    IMeterFactory meterFactory,
    ILogger<MetricRefresher> logger) : BackgroundService
{
    /// <summary>CloudWatch's limit of queries in one GetMetricData call.</summary>
    public const int MaxQueriesPerCall = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<MetricKey, SharedSeries> _series = [];
    private readonly Counter<long> _calls = meterFactory.Create(DashboardOptions.MeterName)
        .CreateCounter<long>("kessan.dashboards.getmetricdata.calls", description: "GetMetricData calls made by the shared refresher");
    private TaskCompletionSource _wake = NewWakeSignal();

    /// <summary>Starts receiving updates for <paramref name="key"/>. If the series is already loaded the snapshot
    /// arrives at once; otherwise the first load is scheduled now.</summary>
    /// <param name="refresh">How often this viewer wants new data; null for a single load.</param>
    public IDisposable Subscribe(MetricKey key, TimeSpan? refresh, Action<SeriesUpdate> onUpdate)
    {
        var subscription = new SeriesSubscription(this, key, refresh, onUpdate);
        SeriesUpdate? snapshot = null;
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new SharedSeries(key);
                _series.Add(key, series);
            }
            series.Subscribers.Add(subscription);
            if (series.Loaded)
            {
                snapshot = series.Snapshot();
                if (refresh is { } wanted && series.Key.Range.IsLive)
                {
                    series.NextDue = Min(series.NextDue, clock.GetUtcNow() + wanted);
                }
            }
            _wake.TrySetResult();
        }
        if (snapshot is not null)
        {
            onUpdate(snapshot);
        }
        return subscription;
    }

    /// <summary>How many distinct series are shared right now (for health and benchmarks).</summary>
    public int ActiveSeries
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    internal void Unsubscribe(MetricKey key, SeriesSubscription subscription)
    {
        lock (_gate)
        {
            if (_series.TryGetValue(key, out var series) && series.Subscribers.Remove(subscription) && series.Subscribers.Count == 0)
            {
                _series.Remove(key);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake;
            lock (_gate)
            {
                if (_wake.Task.IsCompleted)
                {
                    _wake = NewWakeSignal();
                }
                wake = _wake.Task;
            }

            var nextDue = await RefreshDueAsync(stoppingToken);
            var delay = nextDue - clock.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                continue;
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var sleep = Task.Delay(Min(delay, options.Value.IdleWakeUp), clock, wait.Token);
            await Task.WhenAny(sleep, wake).ConfigureAwait(false);
            await wait.CancelAsync();
        }
    }

    /// <summary>Fetches every due series once; returns when the next one falls due.</summary>
    internal async Task<DateTimeOffset> RefreshDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(SharedSeries Series, DateTimeOffset From, DateTimeOffset To)> due = [];
        lock (_gate)
        {
            foreach (var series in _series.Values)
            {
                if (!series.InFlight && series.NextDue <= now)
                {
                    var (from, to) = series.PlanFetch(now);
                    series.InFlight = true;
                    due.Add((series, from, to));
                }
            }
        }

        // One GetMetricData call covers one time window, so batch the due series by window.
        foreach (var window in due.GroupBy(d => (d.From, d.To)))
        {
            foreach (var batch in window.Chunk(MaxQueriesPerCall))
            {
                await FetchBatchAsync(window.Key.From, window.Key.To, batch.Select(b => b.Series).ToArray(), cancellationToken);
            }
        }

        lock (_gate)
        {
            return _series.Count == 0 ? DateTimeOffset.MaxValue : _series.Values.Min(s => s.InFlight ? DateTimeOffset.MaxValue : s.NextDue);
        }
    }

    private async Task FetchBatchAsync(DateTimeOffset from, DateTimeOffset to, SharedSeries[] batch, CancellationToken cancellationToken)
    {
        var points = new List<MetricPoint>[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            points[i] = [];
        }
        var messages = new string?[batch.Length];
        string? failure = null;
        try
        {
            var request = new GetMetricDataRequest
            {
                StartTime = from,
                EndTime = to,
                ScanBy = CloudWatchValues.TimestampAscending,
                MetricDataQueries = batch.Select((s, i) => ToQuery(s.Key.Query, i)).ToArray(),
            };
            await foreach (var page in cloudWatch.GetMetricDataPagesAsync(request, cancellationToken))
            {
                _calls.Add(1);
                foreach (var result in page.MetricDataResults ?? [])
                {
                    if (TryIndex(result.Id, batch.Length, out var index))
                    {
                        Collect(result, points[index]);
                        messages[index] = DescribeMessages(result) ?? messages[index];
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            failure = FailureReason.Describe(exception);
            LogRefreshFailed(batch.Length, from, to, failure, exception);
        }

        var now = clock.GetUtcNow();
        List<(SeriesSubscription Subscriber, SeriesUpdate Update)> deliveries = [];
        lock (_gate)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var series = batch[i];
                series.InFlight = false;
                if (!_series.ContainsKey(series.Key))
                {
                    continue;
                }
                var reason = failure ?? messages[i];
                var update = reason is null
                    ? series.Apply(from, to, points[i], now)
                    : series.Fail(reason, now);
                series.ScheduleNext(now, options.Value.RetryAfterFailure);
                deliveries.AddRange(series.Subscribers.Select(s => (s, update)));
            }
        }

        foreach (var (subscriber, update) in deliveries)
        {
            try
            {
                subscriber.OnUpdate(update);
            }
            catch (Exception exception)
            {
                LogSubscriberFailed(exception);
            }
        }
    }

    private static MetricDataQuery ToQuery(MetricQuery query, int index) => new()
    {
        Id = $"q{index}",
        ReturnData = true,
        MetricStat = new MetricStat
        {
            Metric = new Metric
            {
                Namespace = query.Namespace,
                MetricName = query.MetricName,
                Dimensions = query.Dimensions.Select(d => new AwsDimension(d.Name, d.Value)).ToArray(),
            },
            Period = query.Period,
            Stat = query.Stat,
        },
    };

    private static bool TryIndex(string? id, int count, out int index)
    {
        index = -1;
        return id is ['q', .. var digits] && int.TryParse(digits, out index) && index >= 0 && index < count;
    }

    private static void Collect(MetricDataResult result, List<MetricPoint> into)
    {
        var timestamps = result.Timestamps ?? [];
        var values = result.Values ?? [];
        for (var i = 0; i < Math.Min(timestamps.Count, values.Count); i++)
        {
            into.Add(new MetricPoint(timestamps[i], values[i]));
        }
        into.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
    }

    /// <summary>A query CloudWatch could not answer (StatusCode InternalError/Forbidden) is a failure of that series alone.</summary>
    private static string? DescribeMessages(MetricDataResult result) =>
        result.StatusCode is CloudWatchValues.InternalError or CloudWatchValues.Forbidden
            ? string.Join("; ", (result.Messages ?? []).Select(m => $"{m.Code}: {m.Value}").DefaultIfEmpty($"CloudWatch answered {result.StatusCode}"))
            : null;

    private static TaskCompletionSource NewWakeSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing {SeriesCount} series for {From}..{To} failed: {Reason}")]
    private partial void LogRefreshFailed(int seriesCount, DateTimeOffset from, DateTimeOffset to, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A metric subscriber threw while taking an update")]
    private partial void LogSubscriberFailed(Exception exception);
}
