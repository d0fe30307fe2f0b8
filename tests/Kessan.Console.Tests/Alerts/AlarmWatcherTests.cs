using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Sources;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Tests.Alerts;

public sealed class AlarmWatcherTests : IAsyncLifetime
{
    private const string Alarm = "Kessan-prod-API-HighErrorRate";
    private static readonly DateTimeOffset T0 = AlertDatabaseFile.Start;
    private readonly AlertDatabaseFile _file = new();
    private readonly ScriptedCloudWatch _cloudWatch;

    public AlarmWatcherTests() => _cloudWatch = new ScriptedCloudWatch(_file.Clock);

    public Task InitializeAsync() => _file.InitializeAsync();

    public Task DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task An_alarm_that_fires_opens_an_alert_with_its_configured_severity()
    {
        var (store, watcher) = NewWatcher();
        FireAndAdvance(Alarm, AlarmValues.Alarm);

        await watcher.PollAsync(CancellationToken.None);

        var alert = Assert.Single(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None));
        Assert.Equal((AlertSource.Alarm, Alarm, AlertSeverity.Critical, T0), (alert.Source, alert.Title, alert.Severity, alert.TriggeredAt));
    }

    [Fact]
    public async Task An_alarm_without_a_configured_severity_gets_the_default()
    {
        var (store, watcher) = NewWatcher();
        FireAndAdvance("Kessan-prod-ECS-HighCPU", AlarmValues.Alarm);

        await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(AlertSeverity.High, Assert.Single(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None)).Severity);
    }

    [Fact]
    public async Task An_alarm_back_in_OK_resolves_its_alert()
    {
        var (store, watcher) = NewWatcher();
        FireAndAdvance(Alarm, AlarmValues.Alarm);
        await watcher.PollAsync(CancellationToken.None);
        FireAndAdvance(Alarm, AlarmValues.Ok);

        await watcher.PollAsync(CancellationToken.None);

        Assert.Empty(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None));
    }

    [Fact]
    public async Task A_restart_mid_incident_neither_duplicates_the_alert_nor_loses_the_resolution()
    {
        var (_, before) = NewWatcher();
        FireAndAdvance(Alarm, AlarmValues.Alarm);
        await before.PollAsync(CancellationToken.None);
        FireAndAdvance(Alarm, AlarmValues.Ok);

        var (store, after) = NewWatcher();
        await after.PollAsync(CancellationToken.None);
        await after.PollAsync(CancellationToken.None);

        var timeline = await store.HistoryAsync(T0.AddHours(-1), T0.AddHours(1), CancellationToken.None);
        Assert.Equal([AlertEventKind.Triggered, AlertEventKind.Resolved], timeline.Select(e => e.Event.Kind));
        Assert.Single(timeline.Select(e => e.Alert.Id).Distinct());
    }

    [Fact]
    public async Task Two_watchers_on_one_database_record_each_firing_and_transition_once()
    {
        var watchers = Enumerable.Range(0, 2).Select(_ => NewWatcher().Watcher).ToArray();
        FireAndAdvance(Alarm, AlarmValues.Alarm);
        FireAndAdvance(Alarm, AlarmValues.Ok);
        FireAndAdvance(Alarm, AlarmValues.Alarm);

        await Task.WhenAll(watchers.Select(w => Task.Run(() => w.PollAsync(CancellationToken.None))));
        await Task.WhenAll(watchers.Select(w => Task.Run(() => w.PollAsync(CancellationToken.None))));

        var timeline = await _file.NewConsole().Store.HistoryAsync(T0.AddHours(-1), T0.AddHours(1), CancellationToken.None);
        Assert.Equal([AlertEventKind.Triggered, AlertEventKind.Resolved, AlertEventKind.Triggered], timeline.Select(e => e.Event.Kind));
        Assert.Equal(2, timeline.Select(e => e.Alert.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_transition_reported_by_SNS_and_by_the_watcher_is_recorded_once()
    {
        var (store, watcher) = NewWatcher();
        FireAndAdvance(Alarm, AlarmValues.Alarm);
        await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);

        await watcher.PollAsync(CancellationToken.None);

        var alert = Assert.Single(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None));
        Assert.Equal(1, alert.FireCount);
    }

    [Fact]
    public async Task An_alarm_in_ALARM_before_the_history_window_still_opens_an_alert()
    {
        var (store, watcher) = NewWatcher();
        _cloudWatch.ChangeAlarmState(Alarm, AlarmValues.Alarm, T0.AddDays(-2));

        await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(T0.AddDays(-2), Assert.Single(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None)).TriggeredAt);
    }

    [Fact]
    public async Task A_failed_poll_reads_the_same_history_again_next_time()
    {
        var (store, watcher) = NewWatcher();
        FireAndAdvance(Alarm, AlarmValues.Alarm);
        FireAndAdvance(Alarm, AlarmValues.Ok);
        _cloudWatch.FailWith = new HttpRequestException("CloudWatch is unreachable");
        await Assert.ThrowsAsync<HttpRequestException>(() => watcher.PollAsync(CancellationToken.None));
        _cloudWatch.FailWith = null;
        _file.Clock.Advance(TimeSpan.FromMinutes(30));

        await watcher.PollAsync(CancellationToken.None);

        var timeline = await store.HistoryAsync(T0.AddHours(-1), T0.AddHours(1), CancellationToken.None);
        Assert.Equal([AlertEventKind.Triggered, AlertEventKind.Resolved], timeline.Select(e => e.Event.Kind));
    }

    /// <summary>Each transition one minute after the previous one, starting at T0.</summary>
    private void FireAndAdvance(string alarmName, string state)
    {
        _cloudWatch.ChangeAlarmState(alarmName, state, _file.Clock.GetUtcNow());
        _file.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private (AlertStore Store, AlarmWatcher Watcher) NewWatcher()
    {
        var store = _file.NewConsole().Store;
        return (store, new AlarmWatcher(_cloudWatch, store, AlertSignals.Severities, _file.Clock, Options.Create(new AlertOptions()), NullLogger<AlarmWatcher>.Instance));
    }
}
