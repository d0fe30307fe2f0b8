namespace Kessan.LocalCloud.Metrics;

/// <summary>The values of one minute with their counts, sorted by value, for percentiles. It holds at most
/// <see cref="Capacity"/> distinct values: past that the two closest neighbours merge into their count-weighted
/// mean, so a minute's memory is bounded while percentiles stay exact up to that many distinct values and close
/// beyond it.</summary>
internal sealed class ValueDistribution
{
    /// <summary>At least the 150 values one datum may carry, so a single PutMetricData datum is kept exactly.</summary>
    public const int Capacity = 160;

    private double[] _values = new double[4];
    private double[] _counts = new double[4];
    private int _length;

    public int Length => _length;

    public ReadOnlySpan<double> Values => _values.AsSpan(0, _length);

    public ReadOnlySpan<double> Counts => _counts.AsSpan(0, _length);

    public void Add(double value, double count)
    {
        var index = Array.BinarySearch(_values, 0, _length, value);
        if (index >= 0)
        {
            _counts[index] += count;
            return;
        }

        index = ~index;
        if (_length == _values.Length)
        {
            var size = Math.Min(_values.Length * 2, Capacity + 1);
            Array.Resize(ref _values, size);
            Array.Resize(ref _counts, size);
        }

        Array.Copy(_values, index, _values, index + 1, _length - index);
        Array.Copy(_counts, index, _counts, index + 1, _length - index);
        _values[index] = value;
        _counts[index] = count;
        _length++;
        if (_length > Capacity)
        {
            MergeClosestNeighbours();
        }
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least
    /// <paramref name="percentile"/>% of <paramref name="total"/> at or below it.</summary>
    public static double Select(ReadOnlySpan<double> values, ReadOnlySpan<double> counts, double total, double percentile)
    {
        // The tolerance keeps p99.9 of 1000 values at the 999th: 99.9 / 100 * 1000 is a hair above 999 in binary.
        var rank = percentile / 100 * total - total * 1e-12;
        var cumulative = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            cumulative += counts[i];
            if (cumulative >= rank)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private void MergeClosestNeighbours()
    {
        var closest = 0;
        var smallestGap = double.PositiveInfinity;
        for (var i = 0; i + 1 < _length; i++)
        {
            var gap = _values[i + 1] - _values[i];
            if (gap < smallestGap)
            {
                smallestGap = gap;
                closest = i;
            }
        }

        var count = _counts[closest] + _counts[closest + 1];
        _values[closest] += (_values[closest + 1] - _values[closest]) * (_counts[closest + 1] / count);
        _counts[closest] = count;
        Array.Copy(_values, closest + 2, _values, closest + 1, _length - closest - 2);
        Array.Copy(_counts, closest + 2, _counts, closest + 1, _length - closest - 2);
        _length--;
    }
}
