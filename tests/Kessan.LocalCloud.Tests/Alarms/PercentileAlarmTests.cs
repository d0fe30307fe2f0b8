using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Alarms;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>Alarms on ExtendedStatistic read the percentile of each period from the metric store.</summary>
public sealed class PercentileAlarmTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 28, 5, 10, 0, TimeSpan.Zero);

    // The newest evaluated period is the minute that ended a minute before the evaluation's minute began.
    private readonly AlarmRig _rig = new(Minute.AddSeconds(150));

    [Theory]
    [InlineData(89, "ALARM")]
    [InlineData(90, "OK")]
    public void The_p90_of_one_to_a_hundred_is_ninety(double threshold, string expected)
    {
        _rig.With(new AlarmBuilder().WithPercentile("p90").WithPeriod(60).OutOf(1, 1).Comparing("GreaterThanThreshold", threshold));
        PutOneToAHundred();

        _rig.Evaluator.EvaluateAll();

        Assert.Equal(expected, _rig.StateOf("Latency-High").WireName());
    }

    [Fact]
    public void Too_few_samples_for_the_percentile_leave_the_state_when_told_to_ignore_them()
    {
        _rig.With(new AlarmBuilder().WithPercentile("p99", lowSampleCounts: "ignore").WithPeriod(60).OutOf(1, 1).Comparing("GreaterThanThreshold", 50));
        PutOneToAHundred();

        _rig.Evaluator.EvaluateAll();

        Assert.Equal(AlarmStateValue.InsufficientData, _rig.StateOf("Latency-High"));
    }

    [Fact]
    public void Too_few_samples_for_the_percentile_are_evaluated_by_default()
    {
        _rig.With(new AlarmBuilder().WithPercentile("p99").WithPeriod(60).OutOf(1, 1).Comparing("GreaterThanThreshold", 50));
        PutOneToAHundred();

        _rig.Evaluator.EvaluateAll();

        Assert.Equal(AlarmStateValue.Alarm, _rig.StateOf("Latency-High"));
    }

    private void PutOneToAHundred() =>
        _rig.Put("Kessan/Test", new MetricDatum { MetricName = "Latency", Timestamp = Minute, Values = [.. Enumerable.Range(1, 100).Select(i => (double)i)] });
}
