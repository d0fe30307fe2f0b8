using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Alarms;
using Kessan.LocalCloud.Metrics;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>Builds alarm definitions: by default "Latency" in Kessan/Test, Average over 5 minutes, 3 out of 3 above 1.</summary>
internal sealed class AlarmBuilder
{
    private PutMetricAlarmRequest _request = new()
    {
        AlarmName = "Latency-High",
        Namespace = "Kessan/Test",
        MetricName = "Latency",
        Statistic = "Average",
        Period = 300,
        EvaluationPeriods = 3,
        Threshold = 1,
        ComparisonOperator = "GreaterThanThreshold",
    };

    public AlarmBuilder Named(string name) => With(r => r with { AlarmName = name });

    public AlarmBuilder OutOf(int datapointsToAlarm, int evaluationPeriods) =>
        With(r => r with { DatapointsToAlarm = datapointsToAlarm, EvaluationPeriods = evaluationPeriods });

    public AlarmBuilder Comparing(string comparisonOperator, double threshold) =>
        With(r => r with { ComparisonOperator = comparisonOperator, Threshold = threshold });

    public AlarmBuilder TreatingMissingDataAs(string treatment) => With(r => r with { TreatMissingData = treatment });

    public AlarmBuilder WithPeriod(int seconds) => With(r => r with { Period = seconds });

    public AlarmBuilder WithPercentile(string percentile, string? lowSampleCounts = null) =>
        With(r => r with { Statistic = null, ExtendedStatistic = percentile, EvaluateLowSampleCountPercentile = lowSampleCounts });

    public AlarmBuilder WithStatistic(string statistic) => With(r => r with { Statistic = statistic, ExtendedStatistic = null });

    public AlarmBuilder Notifying(string topicArn) => With(r => r with { AlarmActions = [topicArn], OKActions = [topicArn] });

    public AlarmBuilder WithDimensions(params Dimension[] dimensions) => With(r => r with { Dimensions = dimensions });

    public PutMetricAlarmRequest Request() => _request;

    public AlarmDefinition Build() => AlarmRequestRules.Definition(_request);

    private AlarmBuilder With(Func<PutMetricAlarmRequest, PutMetricAlarmRequest> change)
    {
        _request = change(_request);
        return this;
    }
}

/// <summary>Evaluation ranges written as CloudWatch's user guide writes them, oldest first: "0 - X - X", where X is
/// a breaching datapoint (value 5 against the builder's threshold of 1), 0 a non-breaching one and - a missing one.</summary>
internal static class Datapoints
{
    public const double Breaching = 5;
    public const double NotBreaching = 0;

    /// <summary>Periods of five minutes from 28 November 2026 05:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);

    public static EvaluationRange Range(string pattern) =>
        Values([.. pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(symbol => symbol switch
        {
            "X" => Breaching,
            "0" => NotBreaching,
            _ => (double?)null,
        })]);

    public static EvaluationRange Values(params double?[] values) =>
        new(Start.AddSeconds(300 * values.Length + 90), Start,
            [.. values.Select(v => v is { } value ? new PeriodDatapoint(value, 10) : (PeriodDatapoint?)null)]);
}
