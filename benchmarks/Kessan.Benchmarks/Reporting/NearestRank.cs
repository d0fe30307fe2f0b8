namespace Kessan.Benchmarks.Reporting;

/// <summary>Percentiles by the nearest-rank method: always one of the measured values, never an interpolation.</summary>
public static class NearestRank
{
    /// <param name="fraction">0.5 for the median, 0.95 for p95.</param>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(values));
        }
        return sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}
