using Kessan.Console.Core.Time;

namespace Kessan.Console.Features.Dashboards.Refresh;

/// <summary>The refresher's state for one <see cref="MetricKey"/>: its points, who watches it, when it is next due.
/// Guarded by the refresher's lock.</summary>
internal sealed class SharedSeries(MetricKey key)
{
    private readonly List<MetricPoint> _points = [];

    public MetricKey Key { get; } = key;
    public List<SeriesSubscription> Subscribers { get; } = [];
    public DateTimeOffset NextDue { get; set; } = DateTimeOffset.MinValue;
    public DateTimeOffset? FetchedUntil { get; private set; }
    public DateTimeOffset WindowStart { get; private set; }
    public DateTimeOffset? LastUpdated { get; private set; }
    public StaleState? Stale { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public bool InFlight { get; set; }
    public bool Loaded => FetchedUntil is not null;

    /// <summary>The fastest refresh any viewer asked for; null when nobody wants refreshes.</summary>
    public TimeSpan? RefreshInterval =>
        Subscribers.Where(s => s.Refresh is not null).Select(s => s.Refresh).Min();

    public SeriesUpdate Snapshot() => new(Key, Replace: true, _points.ToArray(), WindowStart, LastUpdated, Stale);

    /// <summary>The window to ask CloudWatch for: all of it the first time, afterwards only from the newest
    /// (possibly partial) period on.</summary>
    public (DateTimeOffset From, DateTimeOffset To) PlanFetch(DateTimeOffset now)
    {
        var range = Key.Range.Resolve(now);
        var windowStart = PeriodPlanner.AlignStart(range.Start, Key.Query.Period);
        var from = FetchedUntil is { } until
            ? Max(windowStart, PeriodPlanner.AlignStart(until, Key.Query.Period))
            : windowStart;
        return (from, range.End);
    }

    /// <summary>Takes fetched points for [from, to): they replace what was there, older points fall out of the window.</summary>
    public SeriesUpdate Apply(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<MetricPoint> fetched, DateTimeOffset now)
    {
        var replace = !Loaded;
        var range = Key.Range.Resolve(now);
        WindowStart = PeriodPlanner.AlignStart(range.Start, Key.Query.Period);
        _points.RemoveAll(p => p.Timestamp >= from || p.Timestamp < WindowStart);
        _points.AddRange(fetched.Where(p => p.Timestamp >= WindowStart));
        FetchedUntil = to;
        LastUpdated = now;
        Stale = null;
        ConsecutiveFailures = 0;
        return replace
            ? Snapshot()
            : new SeriesUpdate(Key, Replace: false, fetched.Where(p => p.Timestamp >= WindowStart).ToArray(), WindowStart, LastUpdated, Stale);
    }

    /// <summary>Keeps the points and says why they are old.</summary>
    public SeriesUpdate Fail(string reason, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        Stale = new StaleState(Stale?.Since ?? now, reason);
        return new SeriesUpdate(Key, Replace: false, [], WindowStart, LastUpdated, Stale);
    }

    /// <summary>When to fetch next: after the refresh interval for a live range; never again for a past one
    /// once loaded; with growing back-off after failures so a throttled or unreachable endpoint recovers on its own.</summary>
    public void ScheduleNext(DateTimeOffset now, TimeSpan firstLoadRetry)
    {
        if (Stale is not null)
        {
            var backoff = TimeSpan.FromTicks(Math.Min(
                firstLoadRetry.Ticks * (1L << Math.Min(ConsecutiveFailures - 1, 4)),
                TimeSpan.FromMinutes(1).Ticks));
            NextDue = now + (RefreshInterval is { } refresh && refresh < backoff ? refresh : backoff);
            return;
        }
        NextDue = Key.Range.IsLive && RefreshInterval is { } interval ? now + interval : DateTimeOffset.MaxValue;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>One viewer of a series. Disposing it stops its updates; the last one out drops the series.</summary>
internal sealed class SeriesSubscription(MetricRefresher owner, MetricKey key, TimeSpan? refresh, Action<SeriesUpdate> onUpdate) : IDisposable
{
    public TimeSpan? Refresh { get; } = refresh;
    public Action<SeriesUpdate> OnUpdate { get; } = onUpdate;

    public void Dispose() => owner.Unsubscribe(key, this);
}
