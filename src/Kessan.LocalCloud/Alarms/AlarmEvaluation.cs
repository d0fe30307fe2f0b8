using System.Text;
using System.Text.Json;

namespace Kessan.LocalCloud.Alarms;

/// <summary>CloudWatch's evaluation of a metric alarm, as a pure function of the alarm, the datapoints of its
/// evaluation range and its current state. The rules are those of CloudWatch's user guide ("How alarm state is
/// evaluated when data is missing"):
/// <list type="bullet">
/// <item>With at least EvaluationPeriods real datapoints in the range, the newest EvaluationPeriods of them are
/// evaluated, however old, and TreatMissingData plays no part.</item>
/// <item>With fewer, every real datapoint is evaluated and the newest missing periods make up the number; those are
/// breaching or not breaching as TreatMissingData says. With missing or ignore they are unknown: the alarm goes to
/// ALARM when DatapointsToAlarm real ones breach, to OK when any real one does not, and otherwise, if the oldest
/// evaluated datapoint is a real breaching one, to ALARM under missing; else missing gives INSUFFICIENT_DATA and
/// ignore keeps the current state.</item>
/// <item>DatapointsToAlarm (M) of the evaluated EvaluationPeriods (N) breaching is ALARM; fewer is OK.</item>
/// </list></summary>
public static class AlarmEvaluation
{
    /// <summary>Datapoints listed in a state reason and its data; CloudWatch caps both texts (1023 and 4000 characters).</summary>
    public const int MaxListedDatapoints = 10;

    /// <returns>The state the alarm should be in; null when it keeps its current state whatever that is.</returns>
    public static AlarmDecision? Evaluate(AlarmDefinition alarm, EvaluationRange range, AlarmStateValue current)
    {
        var evaluated = Evaluated(range.Periods, alarm.EvaluationPeriods);
        if (alarm.IgnoresLowSampleCounts && evaluated.Any(i => range.Periods[i] is { } point && point.SampleCount < MinimumSamples(alarm)))
        {
            return null;
        }

        var breaching = evaluated.Where(i => range.Periods[i] is { } point && alarm.Comparison.Breaches(point.Value, alarm.Threshold)).ToList();
        var notBreaching = evaluated.Where(i => range.Periods[i] is { } point && !alarm.Comparison.Breaches(point.Value, alarm.Threshold)).ToList();
        var filled = evaluated.Count - breaching.Count - notBreaching.Count;
        var required = alarm.RequiredBreaching;

        AlarmStateValue? state;
        var treatedAs = filled == 0 ? null : alarm.MissingData switch
        {
            TreatMissingData.Breaching => "Breaching",
            TreatMissingData.NotBreaching => "NonBreaching",
            _ => null,
        };
        if (filled == 0 || treatedAs is not null)
        {
            var breachingCount = breaching.Count + (alarm.MissingData == TreatMissingData.Breaching ? filled : 0);
            state = breachingCount >= required ? AlarmStateValue.Alarm : AlarmStateValue.Ok;
        }
        else if (breaching.Count >= required)
        {
            state = AlarmStateValue.Alarm;
        }
        else if (notBreaching.Count > 0)
        {
            state = AlarmStateValue.Ok;
        }
        else if (alarm.MissingData == TreatMissingData.Ignore)
        {
            return null;
        }
        else
        {
            state = breaching.Count > 0 && range.Periods[evaluated[0]] is not null ? AlarmStateValue.Alarm : AlarmStateValue.InsufficientData;
        }

        var reason = state switch
        {
            AlarmStateValue.Alarm => ThresholdCrossed(alarm, range, breaching, negated: false, required, current, state.Value, filled, treatedAs),
            AlarmStateValue.Ok => ThresholdCrossed(alarm, range, notBreaching, negated: true,
                alarm.EvaluationPeriods - required + 1, current, state.Value, filled, treatedAs),
            _ => $"Insufficient Data: {Count(filled, "datapoint")} {(filled == 1 ? "was" : "were")} unknown.",
        };
        return new AlarmDecision(state.Value, reason, ReasonData(alarm, range, evaluated));
    }

    /// <summary>Below this many samples a percentile is not statistically significant (CloudWatch: 10/(1-p) for
    /// p ≥ 0.5, 10/p below).</summary>
    public static double MinimumSamples(AlarmDefinition alarm)
    {
        var fraction = alarm.Computed.Percentile / 100;
        var share = fraction >= 0.5 ? 1 - fraction : fraction;
        return share <= 0 ? double.PositiveInfinity : 10 / share;
    }

    /// <summary>Indexes (oldest first) of the periods evaluated: the newest N real datapoints if there are N, else
    /// every real one plus the newest missing periods, so missing data is used as few times as possible.</summary>
    private static List<int> Evaluated(IReadOnlyList<PeriodDatapoint?> periods, int evaluationPeriods)
    {
        var real = Enumerable.Range(0, periods.Count).Where(i => periods[i] is not null).ToList();
        if (real.Count >= evaluationPeriods)
        {
            return real[^evaluationPeriods..];
        }

        var missing = Enumerable.Range(0, periods.Count).Where(i => periods[i] is null).ToList();
        var fill = Math.Min(evaluationPeriods - real.Count, missing.Count);
        return [.. real.Concat(missing[^fill..]).Order()];
    }

    /// <summary>"Threshold Crossed: 2 out of the last 2 datapoints [1234.5 (28/11/26 05:10:00), …] were greater than
    /// the threshold (1000.0) (minimum 2 datapoints for OK -> ALARM transition)."</summary>
    private static string ThresholdCrossed(AlarmDefinition alarm, EvaluationRange range, List<int> listed, bool negated,
        int minimum, AlarmStateValue from, AlarmStateValue to, int filled, string? treatedAs)
    {
        var text = new StringBuilder("Threshold Crossed: ");
        var missingClause = treatedAs is null ? "" : $"{Count(filled, "missing datapoint")} {(filled == 1 ? "was" : "were")} treated as [{treatedAs}]";
        if (listed.Count == 0 && treatedAs is not null)
        {
            return text.Append($"no datapoints were received for {Count(filled, "period")} and {missingClause}.").ToString();
        }

        text.Append(listed.Count).Append(" out of the last ").Append(alarm.EvaluationPeriods).Append(" datapoints [");
        var first = true;
        foreach (var index in listed.AsEnumerable().Reverse().Take(MaxListedDatapoints))
        {
            text.Append(first ? "" : ", ")
                .Append(CloudWatchFormat.Number(range.Periods[index]!.Value.Value))
                .Append(" (").Append(CloudWatchFormat.ReasonTime(PeriodStart(alarm, range, index))).Append(')');
            first = false;
        }

        text.Append("] ").Append(listed.Count == 1 ? "was " : "were ").Append(negated ? "not " : "").Append(alarm.Comparison.Phrase())
            .Append(" the threshold (").Append(CloudWatchFormat.Number(alarm.Threshold)).Append(')');
        if (treatedAs is not null)
        {
            text.Append(" and ").Append(missingClause);
        }

        return text.Append(" (minimum ").Append(Count(minimum, "datapoint")).Append(" for ")
            .Append(from.WireName()).Append(" -> ").Append(to.WireName()).Append(" transition).").ToString();
    }

    /// <summary>StateReasonData: recentDatapoints oldest first, evaluatedDatapoints newest first (a missing one with
    /// its timestamp only), as CloudWatch writes them.</summary>
    private static string ReasonData(AlarmDefinition alarm, EvaluationRange range, List<int> evaluated) => CloudWatchFormat.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("version", "1.0");
        writer.WriteString("queryDate", CloudWatchFormat.Timestamp(range.QueryDate));
        writer.WriteString("startDate", CloudWatchFormat.Timestamp(PeriodStart(alarm, range, evaluated.Count > 0 ? evaluated[0] : 0)));
        if (alarm.Unit is not null)
        {
            writer.WriteString("unit", alarm.Unit);
        }

        writer.WriteString(alarm.ExtendedStatistic is null ? "statistic" : "extendedStatistic", alarm.ExtendedStatistic ?? alarm.Statistic);
        writer.WriteNumber("period", alarm.Period);
        var listed = evaluated.TakeLast(MaxListedDatapoints).ToList();
        writer.WriteStartArray("recentDatapoints");
        foreach (var index in listed)
        {
            if (range.Periods[index] is { } point)
            {
                CloudWatchFormat.WriteNumberValue(writer, point.Value);
            }
        }

        writer.WriteEndArray();
        CloudWatchFormat.WriteNumber(writer, "threshold", alarm.Threshold);
        writer.WriteStartArray("evaluatedDatapoints");
        foreach (var index in listed.AsEnumerable().Reverse())
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", CloudWatchFormat.Timestamp(PeriodStart(alarm, range, index)));
            if (range.Periods[index] is { } point)
            {
                CloudWatchFormat.WriteNumber(writer, "sampleCount", point.SampleCount);
                CloudWatchFormat.WriteNumber(writer, "value", point.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static DateTimeOffset PeriodStart(AlarmDefinition alarm, EvaluationRange range, int index) =>
        range.Start.AddSeconds((double)alarm.Period * index);

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
