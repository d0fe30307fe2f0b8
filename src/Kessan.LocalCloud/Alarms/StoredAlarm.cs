namespace Kessan.LocalCloud.Alarms;

/// <summary>An alarm as the <see cref="AlarmStore"/> holds it: its configuration and its current state.</summary>
/// <param name="Version">Changes with every PutMetricAlarm, so an evaluation of an older configuration is not applied.</param>
public sealed record StoredAlarm(AlarmDefinition Definition, string Arn, DateTimeOffset ConfigurationUpdatedAt, long Version, AlarmState State);

/// <param name="ReasonData">StateReasonData JSON, when the state came with any.</param>
/// <param name="UpdatedAt">StateUpdatedTimestamp.</param>
/// <param name="TransitionedAt">StateTransitionedTimestamp: when the state value last changed.</param>
public sealed record AlarmState(AlarmStateValue Value, string Reason, string? ReasonData, DateTimeOffset UpdatedAt, DateTimeOffset TransitionedAt);

/// <summary>One change of an alarm's state value, with the alarm as it is after the change.</summary>
public sealed record AlarmTransition(StoredAlarm Alarm, AlarmState Old, AlarmState New)
{
    /// <summary>The transition's time: the StateUpdate history item's Timestamp and the notification's StateChangeTime.</summary>
    public DateTimeOffset At => New.TransitionedAt;
}
