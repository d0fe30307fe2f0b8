using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Metrics;

/// <summary>What one series holds for one minute: the running statistics and, for percentiles, the values.</summary>
internal struct MinuteStats
{
    public double SampleCount;
    public double Sum;
    public double Minimum;
    public double Maximum;
    public ValueDistribution? Values;

    /// <summary>Some samples arrived only as a statistic set, so the minute's percentiles are unknown (as in CloudWatch).</summary>
    public bool HasOpaqueSamples;

    public readonly bool HasPercentiles => Values is not null && !HasOpaqueSamples;

    public void AddValue(double value, double count)
    {
        Accumulate(count, value * count, value, value);
        (Values ??= new ValueDistribution()).Add(value, count);
    }

    public void AddStatisticSet(StatisticSet set)
    {
        Accumulate(set.SampleCount, set.Sum, set.Minimum, set.Maximum);

        // CloudWatch still knows the percentiles of a set that is SampleCount copies of one value.
        if (set.Minimum == set.Maximum && Math.Abs(set.Sum - set.Minimum * set.SampleCount) <= 1e-9 * Math.Abs(set.Sum))
        {
            (Values ??= new ValueDistribution()).Add(set.Minimum, set.SampleCount);
        }
        else
        {
            HasOpaqueSamples = true;
        }
    }

    private void Accumulate(double count, double sum, double minimum, double maximum)
    {
        if (SampleCount == 0)
        {
            Minimum = minimum;
            Maximum = maximum;
        }
        else
        {
            Minimum = Math.Min(Minimum, minimum);
            Maximum = Math.Max(Maximum, maximum);
        }

        SampleCount += count;
        Sum += sum;
    }
}

/// <summary>The sixty minutes of one hour of one series; series keep a ring of these covering the retention.</summary>
internal sealed class MinuteChunk(long hour)
{
    public const int Minutes = 60;

    public long Hour { get; } = hour;

    public MinuteStats[] Stats { get; } = new MinuteStats[Minutes];
}
