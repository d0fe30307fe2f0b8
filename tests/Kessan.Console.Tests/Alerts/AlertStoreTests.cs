using System.Collections.Concurrent;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts;

namespace Kessan.Console.Tests.Alerts;

public sealed class AlertStoreTests : IAsyncLifetime
{
    private const string Alarm = "Kessan-prod-API-HighResponseTime";
    private readonly AlertDatabaseFile _file = new();
    private static readonly DateTimeOffset T0 = AlertDatabaseFile.Start;

    public Task InitializeAsync() => _file.InitializeAsync();

    public Task DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task A_firing_opens_a_triggered_alert_with_its_first_event()
    {
        var store = _file.NewConsole().Store;

        var outcome = await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);

        var opened = Assert.IsType<SignalOutcome.Opened>(outcome).Alert;
        var detail = await store.FindAsync(opened.Id, CancellationToken.None);
        Assert.Equal(AlertState.Triggered, detail!.Alert.State);
        Assert.Equal([(AlertEventKind.Triggered, T0, "CloudWatch")], detail.Events.Select(e => (e.Kind, e.At, e.Actor)));
    }

    [Fact]
    public async Task The_same_report_heard_twice_is_recorded_once()
    {
        var store = _file.NewConsole().Store;
        await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);

        var second = await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);

        Assert.IsType<SignalOutcome.AlreadyRecorded>(second);
        var alert = Assert.Single(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None));
        Assert.Equal(1, alert.FireCount);
    }

    [Fact]
    public async Task A_repeat_of_an_open_firing_counts_instead_of_opening_another_alert()
    {
        var store = _file.NewConsole().Store;
        await store.RecordAsync(AlertSignals.ApplicationFires("High CPU Usage", T0), CancellationToken.None);

        var outcome = await store.RecordAsync(AlertSignals.ApplicationFires("High CPU Usage", T0.AddMinutes(1), message: "CPU usage is 97%"), CancellationToken.None);

        var alert = Assert.IsType<SignalOutcome.Repeated>(outcome).Alert;
        Assert.Equal((2, T0.AddMinutes(1), "CPU usage is 97%"), (alert.FireCount, alert.LastFiredAt, alert.Message));
        Assert.Single(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None));
    }

    [Fact]
    public async Task A_firing_after_resolution_is_a_new_alert()
    {
        var store = _file.NewConsole().Store;
        var first = (SignalOutcome.Opened)await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);
        await store.RecordAsync(AlertSignals.AlarmRecovers(Alarm, T0.AddMinutes(5)), CancellationToken.None);

        var again = await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0.AddMinutes(9)), CancellationToken.None);

        Assert.NotEqual(first.Alert.Id, Assert.IsType<SignalOutcome.Opened>(again).Alert.Id);
    }

    [Fact]
    public async Task A_late_firing_older_than_the_resolution_changes_nothing()
    {
        var store = _file.NewConsole().Store;
        await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);
        await store.RecordAsync(AlertSignals.AlarmRecovers(Alarm, T0.AddMinutes(5)), CancellationToken.None);

        var late = await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0.AddMinutes(2)), CancellationToken.None);

        Assert.IsType<SignalOutcome.Outdated>(late);
        Assert.Empty(await store.ListActiveAsync(AlertFilter.All, CancellationToken.None));
    }

    [Fact]
    public async Task Fifty_parallel_acknowledgements_store_one_and_tell_the_others_who_was_first()
    {
        var store = _file.NewConsole().Store;
        var alert = ((SignalOutcome.Opened)await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => store.AcknowledgeAsync(alert.Id, $"operator-{i}", $"note {i}", CancellationToken.None))));

        var winner = Assert.Single(results.OfType<AcknowledgeResult.Acknowledged>()).Alert.AcknowledgedBy;
        var told = results.OfType<AcknowledgeResult.AlreadyAcknowledged>().ToList();
        Assert.Equal(49, told.Count);
        Assert.All(told, r => Assert.Equal(winner, r.By));
        var events = (await store.FindAsync(alert.Id, CancellationToken.None))!.Events;
        Assert.Single(events, e => e.Kind == AlertEventKind.Acknowledged);
    }

    [Fact]
    public async Task The_second_acknowledgement_is_told_who_was_first_and_when()
    {
        var store = _file.NewConsole().Store;
        var alert = ((SignalOutcome.Opened)await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        await store.AcknowledgeAsync(alert.Id, "alice", "looking", CancellationToken.None);

        var second = await store.AcknowledgeAsync(alert.Id, "bob", null, CancellationToken.None);

        Assert.Equal($"Already acknowledged by alice at {IsoSeconds(T0)}.", second.Message);
    }

    [Fact]
    public async Task Acknowledging_an_unknown_alert_says_it_does_not_exist()
    {
        var result = await _file.NewConsole().Store.AcknowledgeAsync(424242, "alice", null, CancellationToken.None);

        Assert.IsType<AcknowledgeResult.NotFound>(result);
    }

    [Fact]
    public async Task Acknowledging_a_resolved_alert_says_so_and_changes_nothing()
    {
        var store = _file.NewConsole().Store;
        var alert = ((SignalOutcome.Opened)await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        await store.RecordAsync(AlertSignals.AlarmRecovers(Alarm, T0.AddMinutes(3)), CancellationToken.None);

        var result = await store.AcknowledgeAsync(alert.Id, "alice", "too late", CancellationToken.None);

        Assert.Equal(new AcknowledgeResult.AlreadyResolved(T0.AddMinutes(3)), result);
        var detail = (await store.FindAsync(alert.Id, CancellationToken.None))!;
        Assert.Null(detail.Alert.AcknowledgedBy);
        Assert.DoesNotContain(detail.Events, e => e.Kind == AlertEventKind.Acknowledged);
    }

    [Fact]
    public async Task A_database_that_cannot_be_written_fails_the_acknowledgement_and_reports_nothing_saved()
    {
        var writable = _file.NewConsole();
        var alert = ((SignalOutcome.Opened)await writable.Store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        var readOnly = _file.NewReadOnlyConsole();
        var published = new ConcurrentQueue<AlertChange>();
        using var subscription = readOnly.Feed.Subscribe(published.Enqueue);

        var failure = await Assert.ThrowsAsync<AlertStoreException>(() => readOnly.Store.AcknowledgeAsync(alert.Id, "alice", null, CancellationToken.None));

        Assert.Contains("nothing was saved", failure.Message);
        Assert.Empty(published);
        Assert.Equal(AlertState.Triggered, (await writable.Store.FindAsync(alert.Id, CancellationToken.None))!.Alert.State);
    }

    [Fact]
    public async Task Every_saved_change_is_published_with_the_unacknowledged_count()
    {
        var console = _file.NewConsole();
        var published = new ConcurrentQueue<AlertChange>();
        using var subscription = console.Feed.Subscribe(published.Enqueue);

        var alert = ((SignalOutcome.Opened)await console.Store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        await console.Store.RecordAsync(AlertSignals.ApplicationFires("High CPU Usage", T0), CancellationToken.None);
        await console.Store.AcknowledgeAsync(alert.Id, "alice", null, CancellationToken.None);
        await console.Store.RecordAsync(AlertSignals.AlarmRecovers(Alarm, T0.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(
            [(AlertChangeKind.Opened, 1), (AlertChangeKind.Opened, 2), (AlertChangeKind.Acknowledged, 1), (AlertChangeKind.Resolved, 1)],
            published.Select(c => (c.Kind, c.UnacknowledgedCount)));
    }

    [Fact]
    public async Task The_last_count_published_is_the_stored_count_when_changes_are_saved_at_once()
    {
        var console = _file.NewConsole();
        var first = ((SignalOutcome.Opened)await console.Store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        using var acknowledgementHeld = new SemaphoreSlim(0);
        var counts = new ConcurrentQueue<int>();
        using var subscription = console.Feed.Subscribe(change =>
        {
            // Holds the acknowledgement's publication until the second alarm's firing has been saved.
            if (change.Kind == AlertChangeKind.Acknowledged)
            {
                Assert.True(acknowledgementHeld.Wait(TimeSpan.FromSeconds(10)));
            }
            counts.Enqueue(change.UnacknowledgedCount);
        });

        var acknowledging = Task.Run(() => console.Store.AcknowledgeAsync(first.Id, "alice", null, CancellationToken.None));
        var firing = Task.Run(() => console.Store.RecordAsync(AlertSignals.ApplicationFires("High CPU Usage", T0), CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await console.Store.ListActiveAsync(AlertFilter.All, CancellationToken.None)).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second alarm's firing was not saved within ten seconds.");
            await Task.Delay(10);
        }
        acknowledgementHeld.Release();
        await Task.WhenAll(acknowledging, firing);

        Assert.Equal(1, await console.Store.CountUnacknowledgedAsync(CancellationToken.None));
        Assert.Equal(1, counts.Last());
    }

    [Fact]
    public async Task History_tells_each_firing_acknowledgement_and_resolution_with_who_and_when()
    {
        var store = _file.NewConsole().Store;
        var alert = ((SignalOutcome.Opened)await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        _file.Clock.Advance(TimeSpan.FromMinutes(2));
        await store.AcknowledgeAsync(alert.Id, "alice", "rolling back", CancellationToken.None);
        await store.RecordAsync(AlertSignals.AlarmRecovers(Alarm, T0.AddMinutes(10)), CancellationToken.None);

        var history = await store.HistoryAsync(T0, T0.AddHours(1), CancellationToken.None);

        Assert.Equal(
            [
                (AlertEventKind.Triggered, T0, "CloudWatch", (string?)null),
                (AlertEventKind.Acknowledged, T0.AddMinutes(2), "alice", "rolling back"),
                (AlertEventKind.Resolved, T0.AddMinutes(10), "CloudWatch", null),
            ],
            history.Select(h => (h.Event.Kind, h.Event.At, h.Event.Actor, h.Event.Note)));
    }

    [Fact]
    public async Task Active_alerts_are_filtered_by_severity_and_text_most_severe_first()
    {
        var store = _file.NewConsole().Store;
        await store.RecordAsync(AlertSignals.ApplicationFires("High CPU Usage", T0, AlertSeverity.High), CancellationToken.None);
        await store.RecordAsync(AlertSignals.ApplicationFires("High Memory Usage", T0, AlertSeverity.Critical), CancellationToken.None);
        await store.RecordAsync(AlertSignals.ApplicationFires("Slow analysis", T0, AlertSeverity.Low), CancellationToken.None);

        var alerts = await store.ListActiveAsync(new AlertFilter
        {
            Severities = new HashSet<AlertSeverity> { AlertSeverity.High, AlertSeverity.Critical },
            Text = "usage",
        }, CancellationToken.None);

        Assert.Equal(["High Memory Usage", "High CPU Usage"], alerts.Select(a => a.Title));
    }

    [Fact]
    public async Task Only_triggered_alerts_count_as_unacknowledged()
    {
        var store = _file.NewConsole().Store;
        var alert = ((SignalOutcome.Opened)await store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;
        await store.RecordAsync(AlertSignals.ApplicationFires("High CPU Usage", T0), CancellationToken.None);
        await store.AcknowledgeAsync(alert.Id, "alice", null, CancellationToken.None);

        Assert.Equal(1, await store.CountUnacknowledgedAsync(CancellationToken.None));
    }

    private static string IsoSeconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
