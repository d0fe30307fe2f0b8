namespace Kessan.LocalCloud.Simulator.Projections;

/// <summary>Many observations as one datum's Values and Counts, as a backend batching PutMetricData would send them.
/// Observations are grouped in buckets 10 % wide on a log scale, each bucket given the mean of its members, so Sum,
/// SampleCount and Average stay exact and percentiles are within a bucket. Values spanning less than a factor of
/// 1.1^149 (about 10^6) fit CloudWatch's limit of 150 distinct values.</summary>
public sealed record ValueDistribution(IReadOnlyList<double> Values, IReadOnlyList<double> Counts)
{
    private static readonly double BucketWidth = Math.Log(1.1);

    /// <param name="observations">Positive numbers.</param>
    public static ValueDistribution Of(IEnumerable<double> observations)
    {
        var buckets = new SortedDictionary<int, (double Sum, int Count)>();
        foreach (var value in observations)
        {
            var index = (int)Math.Floor(Math.Log(value) / BucketWidth);
            var (sum, count) = buckets.GetValueOrDefault(index);
            buckets[index] = (sum + value, count + 1);
        }

        return new ValueDistribution(
            [.. buckets.Values.Select(b => b.Sum / b.Count)],
            [.. buckets.Values.Select(b => (double)b.Count)]);
    }
}
