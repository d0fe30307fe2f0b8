using Kessan.Console.Aws.CloudWatch;
using MetricStatistic = Kessan.LocalCloud.Metrics.Statistic;

namespace Kessan.LocalCloud.Alarms;

/// <summary>A metric alarm's configuration as PutMetricAlarm accepted it. Optional members stay null when the
/// caller left them out, so DescribeAlarms shows them as CloudWatch does; the effective values are computed.</summary>
public sealed record AlarmDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool ActionsEnabled { get; init; } = true;

    public IReadOnlyList<string> OkActions { get; init; } = [];

    public IReadOnlyList<string> AlarmActions { get; init; } = [];

    public IReadOnlyList<string> InsufficientDataActions { get; init; } = [];

    /// <summary>Namespace, name and the exact dimension set of the metric watched.</summary>
    public required Metric Metric { get; init; }

    /// <summary>SampleCount, Sum, Average, Minimum or Maximum; null when <see cref="ExtendedStatistic"/> is set.</summary>
    public string? Statistic { get; init; }

    /// <summary>A percentile such as p99; null when <see cref="Statistic"/> is set.</summary>
    public string? ExtendedStatistic { get; init; }

    /// <summary>What the metric store computes per period, parsed from whichever of the two is set.</summary>
    public required MetricStatistic Computed { get; init; }

    public required int Period { get; init; }

    public string? Unit { get; init; }

    public required int EvaluationPeriods { get; init; }

    public int? DatapointsToAlarm { get; init; }

    public required double Threshold { get; init; }

    public required ComparisonOperator Comparison { get; init; }

    public TreatMissingData? TreatMissingData { get; init; }

    /// <summary>evaluate or ignore; with ignore, a percentile over too few samples leaves the state as it is.</summary>
    public string? EvaluateLowSampleCountPercentile { get; init; }

    /// <summary>M of "M out of N": DatapointsToAlarm, or EvaluationPeriods when it is not set.</summary>
    public int RequiredBreaching => DatapointsToAlarm ?? EvaluationPeriods;

    public TreatMissingData MissingData => TreatMissingData ?? Alarms.TreatMissingData.Missing;

    public bool IgnoresLowSampleCounts => EvaluateLowSampleCountPercentile == "ignore" && ExtendedStatistic is not null;

    /// <summary>The actions CloudWatch executes when the alarm enters <paramref name="state"/>.</summary>
    public IReadOnlyList<string> ActionsFor(AlarmStateValue state) => state switch
    {
        AlarmStateValue.Ok => OkActions,
        AlarmStateValue.Alarm => AlarmActions,
        _ => InsufficientDataActions,
    };
}
