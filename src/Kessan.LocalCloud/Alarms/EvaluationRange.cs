namespace Kessan.LocalCloud.Alarms;

/// <summary>What one evaluation of an alarm looks at: the periods of its evaluation range, oldest first, each
/// with the period's statistic or null when the period had no data.</summary>
/// <param name="QueryDate">When the evaluation ran.</param>
/// <param name="Start">Start of the oldest period; period i starts at Start + i × the alarm's period.</param>
public sealed record EvaluationRange(DateTimeOffset QueryDate, DateTimeOffset Start, IReadOnlyList<PeriodDatapoint?> Periods);

/// <summary>One period's statistic and how many samples it was computed from.</summary>
public readonly record struct PeriodDatapoint(double Value, double SampleCount);

/// <summary>The state an evaluation arrived at, with CloudWatch's StateReason text and StateReasonData JSON.</summary>
public sealed record AlarmDecision(AlarmStateValue State, string Reason, string ReasonData);
