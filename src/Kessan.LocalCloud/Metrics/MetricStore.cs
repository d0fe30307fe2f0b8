using System.Collections.Concurrent;
using System.Text;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Retention;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Metrics;

/// <summary>LocalCloud's metrics: series keyed by namespace, metric name and the exact dimension set (in any
/// order, as CloudWatch matches them), at one-minute resolution, kept for <see cref="LocalCloudOptions.Retention"/>.
/// PutMetricData and the traffic simulator write while GetMetricData reads; each series has its own lock.</summary>
public sealed class MetricStore : IMetricSink, IRetainedStore
{
    /// <summary>How far ahead of now CloudWatch accepts a datapoint.</summary>
    public static readonly TimeSpan MaxFuture = TimeSpan.FromHours(2);

    private const char Separator = '\u001f';

    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly int _ringHours;

    public MetricStore(IOptions<LocalCloudOptions> options, TimeProvider clock)
    {
        _clock = clock;
        Retention = options.Value.Retention;

        // Every hour a datapoint may fall in: the retention window, the current hour and two hours ahead.
        _ringHours = (int)Math.Ceiling(Retention.TotalHours) + 3;
    }

    public TimeSpan Retention { get; }

    /// <summary>Stores the data as given; datapoints outside [now − retention, now + 2 h] are dropped, being
    /// either already expired or beyond what CloudWatch accepts. PutMetricData validates before it gets here.</summary>
    public void Put(string metricNamespace, IReadOnlyList<MetricDatum> data)
    {
        var now = _clock.GetUtcNow();
        var oldest = CutoffMinute(now);
        var newest = EpochMinutes.Floor(now + MaxFuture);
        foreach (var datum in data)
        {
            var minute = EpochMinutes.Floor(datum.Timestamp ?? now);
            if (minute < oldest || minute > newest)
            {
                continue;
            }

            var dimensions = Sorted(datum.Dimensions);
            var key = Key(metricNamespace, datum.MetricName, dimensions);
            while (true)
            {
                var series = _series.GetOrAdd(key, static (_, state) => new MetricSeries(
                    new Metric { Namespace = state.Namespace, MetricName = state.Name, Dimensions = state.Dimensions }, state.RingHours),
                    (Namespace: metricNamespace, Name: datum.MetricName, Dimensions: dimensions, RingHours: _ringHours));
                lock (series.Gate)
                {
                    if (!series.IsRemoved)
                    {
                        series.Add(minute, datum, now);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Computes one statistic of one metric over period buckets into <paramref name="output"/>, as
    /// GetMetricData does: the start rounds down to the minute, bucket k starts at start + k·period, the end is
    /// exclusive, and only buckets with data appear.</summary>
    public void Read(MetricSelection selection, DatapointBuffer output)
    {
        if (selection.PeriodSeconds <= 0 || selection.PeriodSeconds % 60 != 0)
        {
            throw new ArgumentException("The store keeps one-minute resolution; the period must be a positive multiple of 60 seconds.", nameof(selection));
        }

        output.Reset(0);
        var period = selection.PeriodSeconds / 60;
        var now = _clock.GetUtcNow();
        var start = EpochMinutes.Floor(selection.StartTime);
        var from = Math.Max(start, CutoffMinute(now));
        var to = Math.Min(EpochMinutes.Ceiling(selection.EndTime), EpochMinutes.Floor(now + MaxFuture) + 1);
        var metric = selection.Metric;
        if (from >= to || !_series.TryGetValue(Key(metric.Namespace ?? "", metric.MetricName ?? "", Sorted(metric.Dimensions)), out var series))
        {
            return;
        }

        var firstBucket = start + (from - start) / period * period;
        output.Reset((int)((to - firstBucket + period - 1) / period));
        lock (series.Gate)
        {
            if (selection.Unit is null || selection.Unit == series.Unit)
            {
                series.Aggregate(selection.Statistic, firstBucket, period, from, to, output);
            }
        }
    }

    /// <summary>One page of the metrics that match <paramref name="filter"/>, ordered by their identity.</summary>
    /// <param name="after">The <see cref="MetricPage.LastKey"/> of the previous page.</param>
    public MetricPage List(MetricFilter filter, string? after, int pageSize)
    {
        var now = _clock.GetUtcNow();
        var cutoff = CutoffMinute(now);
        var matches = new List<KeyValuePair<string, MetricSeries>>();
        foreach (var entry in _series)
        {
            if ((after is null || string.CompareOrdinal(entry.Key, after) > 0) && entry.Value.NewestMinute >= cutoff && Matches(entry.Value, filter, now))
            {
                matches.Add(entry);
            }
        }

        matches.Sort(static (left, right) => string.CompareOrdinal(left.Key, right.Key));
        var page = matches.Take(pageSize).Select(entry => entry.Value.Metric).ToList();
        return new MetricPage(page, matches.Count > pageSize ? matches[pageSize - 1].Key : null);
    }

    /// <summary>Drops minutes older than the retention and the series left without any; run periodically so
    /// memory stays flat even for series nobody writes any more.</summary>
    public void Trim()
    {
        var cutoff = CutoffMinute(_clock.GetUtcNow());
        foreach (var (key, series) in _series)
        {
            lock (series.Gate)
            {
                if (series.Trim(cutoff))
                {
                    series.IsRemoved = true;
                    _series.TryRemove(new KeyValuePair<string, MetricSeries>(key, series));
                }
            }
        }
    }

    internal SeriesFootprint? Measure(Metric metric)
    {
        if (!_series.TryGetValue(Key(metric.Namespace ?? "", metric.MetricName ?? "", Sorted(metric.Dimensions)), out var series))
        {
            return null;
        }

        lock (series.Gate)
        {
            return series.Measure();
        }
    }

    private long CutoffMinute(DateTimeOffset now) => EpochMinutes.Floor(now - Retention);

    private static bool Matches(MetricSeries series, MetricFilter filter, DateTimeOffset now)
    {
        var metric = series.Metric;
        if ((filter.Namespace is not null && filter.Namespace != metric.Namespace)
            || (filter.MetricName is not null && filter.MetricName != metric.MetricName)
            || (filter.PublishedWithin is { } within && series.LastPublished < now - within))
        {
            return false;
        }

        foreach (var wanted in filter.Dimensions ?? [])
        {
            if (!metric.Dimensions!.Any(dimension => dimension.Name == wanted.Name && (wanted.Value is null || dimension.Value == wanted.Value)))
            {
                return false;
            }
        }

        return true;
    }

    private static Dimension[] Sorted(IReadOnlyList<Dimension>? dimensions)
    {
        if (dimensions is null || dimensions.Count == 0)
        {
            return [];
        }

        var sorted = new Dimension[dimensions.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = dimensions[i];
        }

        Array.Sort(sorted, static (left, right) => string.CompareOrdinal(left.Name, right.Name));
        return sorted;
    }

    // Control characters cannot occur in names or values (PutMetricData rejects them), so one separates fields.
    private static string Key(string metricNamespace, string metricName, Dimension[] dimensions)
    {
        var key = new StringBuilder(metricNamespace).Append(Separator).Append(metricName);
        foreach (var dimension in dimensions)
        {
            key.Append(Separator).Append(dimension.Name).Append(Separator).Append(dimension.Value);
        }

        return key.ToString();
    }
}

/// <summary>What <see cref="MetricStore.Read"/> computes: one statistic of one metric from <see cref="StartTime"/>
/// (inclusive, rounded down to the minute) to <see cref="EndTime"/> (exclusive), in periods of a multiple of 60 seconds.</summary>
public sealed record MetricSelection(Metric Metric, Statistic Statistic, int PeriodSeconds, DateTimeOffset StartTime, DateTimeOffset EndTime, string? Unit = null);

/// <summary>ListMetrics' filters; <see cref="PublishedWithin"/> keeps metrics that received data that recently.</summary>
public sealed record MetricFilter(string? Namespace = null, string? MetricName = null, IReadOnlyList<DimensionFilter>? Dimensions = null, TimeSpan? PublishedWithin = null);

/// <param name="LastKey">Where the next page starts (after this identity); null on the last page.</param>
public sealed record MetricPage(IReadOnlyList<Metric> Metrics, string? LastKey);
