namespace Kessan.LocalCloud.Metrics;

/// <summary>The output of <see cref="MetricStore.Read"/>: the period buckets that have data, oldest first, as
/// minutes since the epoch and values. Reused across reads so that a read allocates nothing per datapoint.</summary>
public sealed class DatapointBuffer
{
    private long[] _minutes = [];
    private double[] _values = [];

    // Scratch for percentiles over periods longer than a minute: the minutes' distributions, merged.
    private double[] _mergedValues = [];
    private double[] _mergedCounts = [];
    private int _mergedLength;

    public int Count { get; private set; }

    public ReadOnlySpan<long> Minutes => _minutes.AsSpan(0, Count);

    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    internal void Reset(int capacity)
    {
        Count = 0;
        if (_minutes.Length < capacity)
        {
            _minutes = new long[capacity];
            _values = new double[capacity];
        }
    }

    internal void Append(long minute, double value)
    {
        _minutes[Count] = minute;
        _values[Count] = value;
        Count++;
    }

    internal void ClearMerged() => _mergedLength = 0;

    internal void Merge(ValueDistribution distribution)
    {
        var needed = _mergedLength + distribution.Length;
        if (_mergedValues.Length < needed)
        {
            var size = Math.Max(needed, _mergedValues.Length * 2);
            Array.Resize(ref _mergedValues, size);
            Array.Resize(ref _mergedCounts, size);
        }

        distribution.Values.CopyTo(_mergedValues.AsSpan(_mergedLength));
        distribution.Counts.CopyTo(_mergedCounts.AsSpan(_mergedLength));
        _mergedLength = needed;
    }

    internal double SelectMerged(double total, double percentile)
    {
        Array.Sort(_mergedValues, _mergedCounts, 0, _mergedLength);
        return ValueDistribution.Select(_mergedValues.AsSpan(0, _mergedLength), _mergedCounts.AsSpan(0, _mergedLength), total, percentile);
    }
}
