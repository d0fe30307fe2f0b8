using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Alarms;
using Kessan.LocalCloud.Metrics;
using Kessan.LocalCloud.Sns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>The metric store, alarm store and evaluator as LocalCloud wires them, without HTTP, on a fake clock.
/// Notifications are queued for SNS but nothing delivers them.</summary>
internal sealed class AlarmRig
{
    public AlarmRig(DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        var options = Options.Create(new LocalCloudOptions());
        Metrics = new MetricStore(options, Clock);
        Alarms = new AlarmStore(options, Clock);
        var topics = new SnsTopics(new SnsDeliveryQueue(), new SnsSigner(Options.Create(new SnsOptions()), Clock),
            new SnsUrls(() => new Uri("http://127.0.0.1:4566")), Clock, NullLogger<SnsTopics>.Instance);
        Evaluator = new AlarmEvaluator(Alarms, Metrics, new AlarmNotifier(Alarms, topics, options, NullLogger<AlarmNotifier>.Instance),
            options, Clock, NullLogger<AlarmEvaluator>.Instance);
    }

    public FakeTimeProvider Clock { get; }

    public MetricStore Metrics { get; }

    public AlarmStore Alarms { get; }

    public AlarmEvaluator Evaluator { get; }

    public AlarmRig With(AlarmBuilder alarm)
    {
        Alarms.Put(alarm.Build());
        return this;
    }

    public AlarmStateValue StateOf(string alarmName) => Alarms.Find(alarmName)!.State.Value;

    /// <summary>The alarm's state changes, oldest first, read from its StateUpdate history items.</summary>
    public IReadOnlyList<(DateTimeOffset At, string State)> Transitions(string alarmName) =>
        [.. Alarms.History(entry => entry.AlarmName == alarmName && entry.ItemType == AlarmValues.StateUpdate, ascending: true, after: null, int.MaxValue)
            .Entries.Select(entry => (entry.Timestamp, NewState(entry.Data)))];

    public void Put(string metricNamespace, params MetricDatum[] data) => Metrics.Put(metricNamespace, data);

    private static string NewState(string historyData)
    {
        using var document = JsonDocument.Parse(historyData);
        return document.RootElement.GetProperty("newState").GetProperty("stateValue").GetString()!;
    }
}
