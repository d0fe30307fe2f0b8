using System.Globalization;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Metrics;
using MetricStatistic = Kessan.LocalCloud.Metrics.Statistic;

namespace Kessan.LocalCloud.Alarms;

/// <summary>PutMetricAlarm's rules, checked as CloudWatch checks them; each error names the member it rejects.</summary>
internal static class AlarmRequestRules
{
    public const int MaxActions = 5;
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 1024;
    private const int OneDay = 86_400;
    private const int SevenDays = 604_800;

    private static readonly string[] StandardStatistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    /// <exception cref="Protocol.AwsServiceException">The first rule the request breaks.</exception>
    public static AlarmDefinition Definition(PutMetricAlarmRequest request)
    {
        RequireAlarmName(request.AlarmName, "AlarmName");
        if (request.AlarmDescription is { Length: > MaxDescriptionLength })
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter AlarmDescription must be at most {MaxDescriptionLength} characters long.");
        }

        var okActions = Actions(request.OKActions, "OKActions");
        var alarmActions = Actions(request.AlarmActions, "AlarmActions");
        var insufficientDataActions = Actions(request.InsufficientDataActions, "InsufficientDataActions");

        if (request.MetricName is null)
        {
            throw CloudWatchErrors.InvalidParameterCombination(
                "The parameter MetricName is required: LocalCloud evaluates alarms on one metric (alarms on Metrics math, Metrics Insights or PromQL are not supported).");
        }

        MetricRules.RequireText(request.MetricName, "MetricName", 255);
        if (request.Namespace is null)
        {
            throw CloudWatchErrors.MissingParameter("Namespace");
        }

        MetricRules.RequireName(request.Namespace, "Namespace");
        MetricRules.RequireDimensions(request.Dimensions, "Dimensions");
        MetricRules.RequireUnit(request.Unit, "Unit");
        var computed = ParseStatistic(request.Statistic, request.ExtendedStatistic);
        var period = request.Period ?? throw CloudWatchErrors.MissingParameter("Period");
        RequirePeriod(period);

        var evaluationPeriods = request.EvaluationPeriods ?? throw CloudWatchErrors.MissingParameter("EvaluationPeriods");
        if (evaluationPeriods < 1)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter EvaluationPeriods must be at least 1; it is {evaluationPeriods}.");
        }

        if (request.DatapointsToAlarm is < 1 || request.DatapointsToAlarm > evaluationPeriods)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameter DatapointsToAlarm must be from 1 to EvaluationPeriods ({evaluationPeriods}); it is {request.DatapointsToAlarm}.");
        }

        RequireEvaluationLength(period, evaluationPeriods);
        var threshold = request.Threshold ?? throw CloudWatchErrors.MissingParameter("Threshold");
        MetricRules.RequireValue(threshold, "Threshold");
        var comparison = ParseComparison(request.ComparisonOperator);
        TreatMissingData? treatment = null;
        if (request.TreatMissingData is { } treatMissingData)
        {
            treatment = TreatMissingDataValues.TryParse(treatMissingData, out var parsed)
                ? parsed
                : throw CloudWatchErrors.InvalidParameterValue(
                    $"The value {treatMissingData} for parameter TreatMissingData is not valid: it must be one of {TreatMissingDataValues.Accepted}.");
        }

        if (request.EvaluateLowSampleCountPercentile is not (null or "evaluate" or "ignore"))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {request.EvaluateLowSampleCountPercentile} for parameter EvaluateLowSampleCountPercentile is not valid: it must be evaluate or ignore.");
        }

        return new AlarmDefinition
        {
            Name = request.AlarmName,
            Description = request.AlarmDescription,
            ActionsEnabled = request.ActionsEnabled ?? true,
            OkActions = okActions,
            AlarmActions = alarmActions,
            InsufficientDataActions = insufficientDataActions,
            Metric = new Metric { Namespace = request.Namespace, MetricName = request.MetricName, Dimensions = [.. request.Dimensions ?? []] },
            Statistic = request.Statistic,
            ExtendedStatistic = request.ExtendedStatistic,
            Computed = computed,
            Period = period,
            Unit = request.Unit,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = request.DatapointsToAlarm,
            Threshold = threshold,
            Comparison = comparison,
            TreatMissingData = treatment,
            EvaluateLowSampleCountPercentile = request.EvaluateLowSampleCountPercentile,
        };
    }

    /// <summary>Names are 1 to 255 characters without control characters.</summary>
    public static void RequireAlarmName(string name, string parameter)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter} must be 1 to {MaxNameLength} characters long.");
        }

        if (name.Any(char.IsControl))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value for parameter {parameter} is not valid: alarm names cannot contain control characters.");
        }
    }

    private static IReadOnlyList<string> Actions(IReadOnlyList<string>? actions, string parameter)
    {
        if (actions is null)
        {
            return [];
        }

        if (actions.Count > MaxActions)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter} must not have a size greater than {MaxActions}.");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Split(':') is not ["arn", { Length: > 0 }, { Length: > 0 }, _, _, { Length: > 0 }, ..])
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The value {actions[i]} for parameter {parameter}.member.{i + 1} is not valid: an action is an ARN such as arn:aws:sns:<region>:<account>:<topic>.");
            }
        }

        return [.. actions];
    }

    private static MetricStatistic ParseStatistic(string? statistic, string? extendedStatistic)
    {
        if (statistic is not null && extendedStatistic is not null)
        {
            throw CloudWatchErrors.InvalidParameterCombination("The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.");
        }

        if (statistic is not null)
        {
            return StandardStatistics.Contains(statistic, StringComparer.Ordinal) && MetricStatistic.TryParse(statistic, out var standard)
                ? standard
                : throw CloudWatchErrors.InvalidParameterValue(
                    $"The value {statistic} for parameter Statistic is not valid: it must be one of {string.Join(", ", StandardStatistics)}; use ExtendedStatistic for percentiles.");
        }

        if (extendedStatistic is null)
        {
            throw CloudWatchErrors.InvalidParameterCombination("One of the parameters Statistic and ExtendedStatistic must be specified.");
        }

        return MetricStatistic.TryParse(extendedStatistic, out var percentile) && percentile.Kind == StatisticKind.Percentile
            ? percentile
            : throw CloudWatchErrors.InvalidParameterValue(
                $"The value {extendedStatistic} for parameter ExtendedStatistic is not valid: LocalCloud computes percentiles, p0 to p100 (e.g. p90, p99.9).");
    }

    private static void RequirePeriod(int period)
    {
        if (period is 10 or 20 or 30)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameter Period is {period}: LocalCloud stores one-minute resolution only, so the period must be a multiple of 60.");
        }

        if (period <= 0 || period % 60 != 0)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter Period must be 10, 20, 30 or a multiple of 60; it is {period}.");
        }
    }

    private static void RequireEvaluationLength(int period, int evaluationPeriods)
    {
        var total = (long)period * evaluationPeriods;
        var limit = period < 3600 ? OneDay : SevenDays;
        if (total > limit)
        {
            throw CloudWatchErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Period × EvaluationPeriods is {total} seconds; alarms with a period {(period < 3600 ? "under an hour can evaluate at most one day (86400 seconds)" : "of an hour or more can evaluate at most seven days (604800 seconds)")}."));
        }
    }

    private static ComparisonOperator ParseComparison(string? comparison)
    {
        if (comparison is null)
        {
            throw CloudWatchErrors.MissingParameter("ComparisonOperator");
        }

        if (ComparisonOperators.TryParse(comparison, out var parsed))
        {
            return parsed;
        }

        throw CloudWatchErrors.InvalidParameterValue(comparison is "LessThanLowerOrGreaterThanUpperThreshold" or "LessThanLowerThreshold" or "GreaterThanUpperThreshold"
            ? $"The value {comparison} for parameter ComparisonOperator needs an anomaly detection band (ThresholdMetricId), which LocalCloud does not evaluate; use one of {ComparisonOperators.Accepted}."
            : $"The value {comparison} for parameter ComparisonOperator is not valid: it must be one of {ComparisonOperators.Accepted}.");
    }
}
