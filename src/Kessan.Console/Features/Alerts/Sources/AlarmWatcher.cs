using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Alerts;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary>Polls CloudWatch every <c>Alerts:PollInterval</c>: alarm history (StateUpdate items since the last poll)
/// opens and resolves alerts in the order things happened; the alarms' current states then fill any gap the history
/// left (an alarm in ALARM with no open alert, an alarm back in OK with one). Every transition is keyed by alarm,
/// state and time, so overlapping polls, restarts, SNS and other consoles never record it twice.</summary>
public sealed partial class AlarmWatcher(
    ICloudWatch cloudWatch,
    AlertStore store,
    AlarmSeverityMap severities,
    TimeProvider clock,
    IOptions<AlertOptions> options,
    ILogger<AlarmWatcher> logger) : BackgroundService
{
    /// <summary>Each poll reads this far before the previous one ended, for history items written late.</summary>
    public static readonly TimeSpan HistoryOverlap = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _historyFrom;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPollFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll. A failed poll leaves the history position where it was, so the next one reads it again.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = _historyFrom ?? now - options.Value.AlarmHistoryLookback;
        var history = cloudWatch.EnumerateAlarmHistoryAsync(new DescribeAlarmHistoryRequest
        {
            HistoryItemType = AlarmValues.StateUpdate,
            StartDate = from,
            EndDate = now,
            ScanBy = "TimestampAscending",
        }, cancellationToken);
        var transitions = new List<AlarmTransition>();
        await foreach (var item in history)
        {
            if (item is { AlarmName: { } name, Timestamp: { } at } && AlarmTransition.TryReadHistory(name, at, item.HistoryData, out var transition))
            {
                transitions.Add(transition);
            }
        }
        foreach (var transition in transitions.OrderBy(t => t.ChangedAt))
        {
            await RecordAsync(transition, cancellationToken);
        }

        var open = await store.OpenKeysAsync(AlertSource.Alarm, cancellationToken);
        await foreach (var alarm in cloudWatch.EnumerateMetricAlarmsAsync(new DescribeAlarmsRequest(), cancellationToken))
        {
            if (CurrentTransition(alarm) is { } current
                && (current.NewState == AlarmTransition.Alarm) != open.Contains(current.AlarmName))
            {
                await RecordAsync(current, cancellationToken);
            }
        }
        _historyFrom = now - HistoryOverlap;
    }

    private async Task RecordAsync(AlarmTransition transition, CancellationToken cancellationToken)
    {
        if (transition.ToSignal(severities) is { } signal)
        {
            var outcome = await store.RecordAsync(signal, cancellationToken);
            LogRecorded(transition.AlarmName, transition.NewState, transition.ChangedAt, outcome.GetType().Name);
        }
    }

    /// <summary>The alarm's latest state change as a transition; null for INSUFFICIENT_DATA or an incomplete alarm.</summary>
    private static AlarmTransition? CurrentTransition(MetricAlarm alarm)
    {
        if (alarm is not { AlarmName: { } name, StateValue: AlarmValues.Alarm or AlarmValues.Ok }
            || (alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp) is not { } changedAt)
        {
            return null;
        }
        var context = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["alarmName"] = name,
            ["alarmArn"] = alarm.AlarmArn,
            ["newState"] = alarm.StateValue,
            ["metricName"] = alarm.MetricName,
            ["namespace"] = alarm.Namespace,
        });
        return new AlarmTransition(name, "", alarm.StateValue, alarm.StateReason ?? "", changedAt, context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm poll failed; the next poll reads the same history again")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alarm {AlarmName} went to {State} at {ChangedAt}: {Outcome}")]
    private partial void LogRecorded(string alarmName, string state, DateTimeOffset changedAt, string outcome);
}
