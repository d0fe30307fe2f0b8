using Kessan.LocalCloud.Metrics;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Alarms;

/// <summary>Installs the seed's alarms, then evaluates every alarm once a minute on the injected clock, as
/// CloudWatch does whatever the alarm's period. Each evaluation looks at a sliding window of whole minutes: the
/// newest period ends <see cref="Delay"/> before the current minute began, so a publisher that sends each minute
/// when it closes has landed before its minute is evaluated; the window holds EvaluationPeriods + 2 periods, the
/// extra ones being where CloudWatch finds older real datapoints when recent ones are missing (its user guide
/// evaluates 3 periods out of 5 retrieved).</summary>
public sealed partial class AlarmEvaluator(
    AlarmStore alarms,
    MetricStore metrics,
    AlarmNotifier notifier,
    IOptions<LocalCloudOptions> options,
    TimeProvider clock,
    ILogger<AlarmEvaluator> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(1);
    public const int ExtraPeriods = 2;

    private readonly Lock _gate = new();
    private readonly DatapointBuffer _values = new();
    private readonly DatapointBuffer _sampleCounts = new();

    /// <summary>Installs the seed's alarms before the host reports started, so the first DescribeAlarms sees them
    /// (since .NET 10 all of <see cref="ExecuteAsync"/> runs in the background, after start-up).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        foreach (var request in SeedAlarms.For(settings.Environment, settings.Region, settings.AccountId))
        {
            alarms.Put(AlarmRequestRules.Definition(request));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            EvaluateAll();
        }
    }

    /// <summary>Evaluates every alarm as of now, changing the state of those whose evaluation says so and
    /// executing their actions.</summary>
    public void EvaluateAll()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var alarm in alarms.List())
            {
                try
                {
                    Evaluate(alarm, now);
                }
                catch (Exception exception)
                {
                    // One alarm failing to evaluate must not stop the others, nor the next minute's evaluation.
                    LogEvaluationFailed(exception, alarm.Definition.Name);
                }
            }
        }
    }

    private void Evaluate(StoredAlarm alarm, DateTimeOffset now)
    {
        var definition = alarm.Definition;
        var decision = AlarmEvaluation.Evaluate(definition, Range(definition, now), alarm.State.Value);
        if (decision is null || decision.State == alarm.State.Value)
        {
            return;
        }

        if (alarms.Transition(definition.Name, decision.State, decision.Reason, decision.ReasonData, alarm) is { } transition)
        {
            LogTransition(definition.Name, transition.Old.Value.WireName(), transition.New.Value.WireName(), transition.New.Reason);
            notifier.Notify(transition);
        }
    }

    private EvaluationRange Range(AlarmDefinition alarm, DateTimeOffset now)
    {
        var end = EpochMinutes.ToTime(EpochMinutes.Floor(now - Delay));
        var count = alarm.EvaluationPeriods + ExtraPeriods;
        var start = end.AddSeconds(-(double)alarm.Period * count);
        metrics.Read(new MetricSelection(alarm.Metric, alarm.Computed, alarm.Period, start, end, alarm.Unit), _values);
        metrics.Read(new MetricSelection(alarm.Metric, new Statistic(StatisticKind.SampleCount), alarm.Period, start, end, alarm.Unit), _sampleCounts);
        var periods = new PeriodDatapoint?[count];
        var startMinute = EpochMinutes.Floor(start);
        var periodMinutes = alarm.Period / 60;
        var sampleCounts = new Dictionary<long, double>(_sampleCounts.Count);
        for (var i = 0; i < _sampleCounts.Count; i++)
        {
            sampleCounts[_sampleCounts.Minutes[i]] = _sampleCounts.Values[i];
        }

        for (var i = 0; i < _values.Count; i++)
        {
            var minute = _values.Minutes[i];
            periods[(minute - startMinute) / periodMinutes] = new PeriodDatapoint(_values.Values[i], sampleCounts.GetValueOrDefault(minute));
        }

        return new EvaluationRange(now, start, periods);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm {AlarmName} changed from {OldState} to {NewState}: {StateReason}")]
    private partial void LogTransition(string alarmName, string oldState, string newState, string stateReason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluating alarm {AlarmName} failed")]
    private partial void LogEvaluationFailed(Exception exception, string alarmName);
}
