using System.Runtime.CompilerServices;
using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Metrics;

/// <summary>One metric (namespace, name, exact dimension set) at one-minute resolution. Minutes live in a ring of
/// hour chunks, allocated as data arrives; a chunk's place is reused once its hour has left the retention window,
/// so a series never holds more than the ring's hours however long LocalCloud runs.
/// Every member but the identity is used under <see cref="Gate"/>.</summary>
internal sealed class MetricSeries(Metric metric, int ringHours)
{
    private readonly MinuteChunk?[] _chunks = new MinuteChunk?[ringHours];
    private long _lastPublishedTicks;
    private long _newestMinute = long.MinValue;

    public Metric Metric { get; } = metric;

    public Lock Gate { get; } = new();

    /// <summary>Set when trimming emptied the series and dropped it from the store; a writer that finds it set
    /// adds a fresh series instead, so no datapoint lands in a series nobody can find.</summary>
    public bool IsRemoved { get; set; }

    /// <summary>The unit of the latest datum: a query that names a unit sees the series only when it matches.</summary>
    public string Unit { get; private set; } = "None";

    public DateTimeOffset LastPublished => new(Volatile.Read(ref _lastPublishedTicks), TimeSpan.Zero);

    public long NewestMinute => Volatile.Read(ref _newestMinute);

    public void Add(long minute, MetricDatum datum, DateTimeOffset publishedAt)
    {
        ref var stats = ref Slot(minute);
        if (Unsafe.IsNullRef(ref stats))
        {
            return;
        }

        if (datum.Value is { } value)
        {
            stats.AddValue(value, 1);
        }

        if (datum.Values is { } values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                var count = datum.Counts is { } counts ? counts[i] : 1;
                if (count > 0)
                {
                    stats.AddValue(values[i], count);
                }
            }
        }

        if (datum.StatisticValues is { SampleCount: > 0 } set)
        {
            stats.AddStatisticSet(set);
        }

        Unit = datum.Unit ?? "None";
        Volatile.Write(ref _lastPublishedTicks, publishedAt.UtcTicks);
        if (minute > _newestMinute)
        {
            Volatile.Write(ref _newestMinute, minute);
        }
    }

    /// <summary>Appends to <paramref name="output"/> one value per bucket that has data. Bucket k covers the minutes
    /// [<paramref name="firstBucket"/> + k·period, + period) that also lie in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Aggregate(Statistic statistic, long firstBucket, int periodMinutes, long from, long to, DatapointBuffer output)
    {
        var percentile = statistic.Kind == StatisticKind.Percentile;
        for (var bucket = firstBucket; bucket < to; bucket += periodMinutes)
        {
            double count = 0, sum = 0, minimum = double.PositiveInfinity, maximum = double.NegativeInfinity;
            var percentilesKnown = true;
            ValueDistribution? onlyDistribution = null;
            var distributions = 0;
            var end = Math.Min(bucket + periodMinutes, to);
            for (var minute = Math.Max(bucket, from); minute < end;)
            {
                var hour = minute / MinuteChunk.Minutes;
                var hourEnd = Math.Min(end, (hour + 1) * MinuteChunk.Minutes);
                var chunk = _chunks[hour % _chunks.Length];
                if (chunk is null || chunk.Hour != hour)
                {
                    minute = hourEnd;
                    continue;
                }

                var stats = chunk.Stats;
                for (; minute < hourEnd; minute++)
                {
                    ref readonly var slot = ref stats[minute - hour * MinuteChunk.Minutes];
                    if (slot.SampleCount == 0)
                    {
                        continue;
                    }

                    count += slot.SampleCount;
                    sum += slot.Sum;
                    minimum = Math.Min(minimum, slot.Minimum);
                    maximum = Math.Max(maximum, slot.Maximum);
                    if (!percentile)
                    {
                        continue;
                    }

                    if (!slot.HasPercentiles)
                    {
                        percentilesKnown = false;
                        continue;
                    }

                    // One minute's distribution is already sorted; only a bucket of several needs merging.
                    distributions++;
                    if (distributions == 1)
                    {
                        onlyDistribution = slot.Values;
                        continue;
                    }

                    if (distributions == 2)
                    {
                        output.ClearMerged();
                        output.Merge(onlyDistribution!);
                    }

                    output.Merge(slot.Values!);
                }
            }

            if (count == 0 || (percentile && !percentilesKnown))
            {
                continue;
            }

            output.Append(bucket, statistic.Kind switch
            {
                StatisticKind.SampleCount => count,
                StatisticKind.Sum => sum,
                StatisticKind.Average => sum / count,
                StatisticKind.Minimum => minimum,
                StatisticKind.Maximum => maximum,
                _ => Math.Clamp(distributions == 1
                    ? ValueDistribution.Select(onlyDistribution!.Values, onlyDistribution.Counts, count, statistic.Percentile)
                    : output.SelectMerged(count, statistic.Percentile), minimum, maximum),
            });
        }
    }

    /// <summary>Drops the hours that ended before <paramref name="cutoffMinute"/>.</summary>
    /// <returns>Whether nothing is left.</returns>
    public bool Trim(long cutoffMinute)
    {
        var empty = true;
        for (var i = 0; i < _chunks.Length; i++)
        {
            if (_chunks[i] is { } chunk && (chunk.Hour + 1) * MinuteChunk.Minutes <= cutoffMinute)
            {
                _chunks[i] = null;
            }

            empty &= _chunks[i] is null;
        }

        return empty;
    }

    public SeriesFootprint Measure()
    {
        int minutes = 0, largestDistribution = 0;
        foreach (var chunk in _chunks)
        {
            if (chunk is null)
            {
                continue;
            }

            minutes += MinuteChunk.Minutes;
            foreach (var stats in chunk.Stats)
            {
                largestDistribution = Math.Max(largestDistribution, stats.Values?.Length ?? 0);
            }
        }

        return new SeriesFootprint(minutes, largestDistribution);
    }

    private ref MinuteStats Slot(long minute)
    {
        var hour = minute / MinuteChunk.Minutes;
        ref var chunk = ref _chunks[hour % _chunks.Length];
        if (chunk is null || chunk.Hour < hour)
        {
            chunk = new MinuteChunk(hour);
        }
        else if (chunk.Hour > hour)
        {
            // The place belongs to a later hour: this minute is older than the ring covers.
            return ref Unsafe.NullRef<MinuteStats>();
        }

        return ref chunk.Stats[minute - hour * MinuteChunk.Minutes];
    }
}

/// <summary>How much a series holds: minutes of storage allocated, and the most distinct values any minute keeps.</summary>
internal sealed record SeriesFootprint(int MinutesHeld, int LargestDistribution);
