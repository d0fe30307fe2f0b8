using System.Globalization;
using System.Net.Http.Json;
using System.Threading.Channels;
using Kessan.Benchmarks.Hosting;
using Kessan.Benchmarks.Reporting;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.LocalMode;
using Kessan.Console.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Benchmarks.Alerts;

/// <summary>Alerts measurement 2: a simulated incident until its alert shows on an <c>/alerts</c> page in Chromium,
/// at the alarm watcher's default poll interval (15 s) and at 1 s. The path: the incident starts in LocalCloud's
/// simulator (<c>POST /_localcloud/incidents</c>); LocalCloud's once-a-minute evaluation moves the seed alarm it
/// breaches to ALARM after its evaluation periods; the console stores the alert, from the watcher's next poll or
/// from LocalCloud's SNS notification to <c>/api/sns</c>; the page shows the row. The console and LocalCloud run on
/// a <see cref="ScaledClock"/> at <see cref="Rate"/>× so that the CloudWatch part takes seconds instead of minutes;
/// the poll interval is configured as <see cref="Rate"/>× the real one, so the watcher polls every 15 s (or 1 s) of
/// real time. Each moment is taken on the real clock: the alarm's state change (the alert's trigger time, which is
/// the alarm history item's timestamp, mapped back to real time), the publish of the stored alert on the console's
/// feed, and the row's first appearance as noted by the page. Rounds take the four incident kinds in turn, each
/// firing its own alarm, so one alarm returns to OK while the others are measured; each incident lasts long enough
/// that its alarm stays in ALARM for more than a poll interval of real time, as a real incident would.</summary>
internal static class IncidentToScreenDriver
{
    public const string Command = "incident-to-screen";

    private const double Rate = 240;
    private const int Rounds = 10;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan[] PollIntervals = [TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1)];

    /// <summary>Simulated minutes an incident needs before its alarm can fire (the slowest, ECS-HighCPU, needs three
    /// 5-minute periods); the incident runs this long plus a poll interval and 5 s of real time.</summary>
    private static readonly TimeSpan TimeToFire = TimeSpan.FromMinutes(16);

    /// <summary>Three 5-minute periods in OK: the longest evaluation window (ECS-HighCPU's) holds no incident data.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(15);

    private static readonly (string Incident, string Alarm)[] Incidents =
    [
        ("db-connection-surge", "Kessan-local-DB-HighConnections"),
        ("latency-spike", "Kessan-local-API-HighResponseTime"),
        ("error-burst", "Kessan-local-API-HighErrorRate"),
        ("cpu-surge", "Kessan-local-ECS-HighCPU"),
    ];

    public static async Task RunAsync()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        List<(string Path, TimeSpan Interval, List<Round> Rounds)> results = [];
        foreach (var snsSubscribed in new[] { false, true })
        {
            foreach (var interval in PollIntervals)
            {
                results.Add((PathName(snsSubscribed), interval, await MeasureAsync(chromium, interval, snsSubscribed)));
            }
        }

        System.Console.WriteLine();
        System.Console.WriteLine($"Incident to the alert row on /alerts, clock at {Rate}×, incidents {string.Join(", ", Incidents.Select(i => i.Incident))} in turn:");
        System.Console.WriteLine($"Load average at the end: {MachineLoad.Describe()}.");
        System.Console.WriteLine("| alarm reaches the console by | poll interval | rounds | alarm change → on screen: median | p95 | max | of which alarm change → alert stored (median) | alert stored → on screen (median) | incident → alarm change, simulated minutes: median | p95 | incident → on screen at real speed: median | p95 |");
        System.Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (path, interval, rounds) in results)
        {
            System.Console.WriteLine(Row(path, interval, rounds));
        }
    }

    /// <param name="snsSubscribed">False: the console does not subscribe to LocalCloud's alerts topic, as a console
    /// that AWS cannot reach, so only the watcher's polls bring the alarm.</param>
    private static async Task<List<Round>> MeasureAsync(HeadlessChromium chromium, TimeSpan pollInterval, bool snsSubscribed)
    {
        var clock = new ScaledClock(Rate);
        var incidentMinutes = (int)Math.Ceiling((TimeToFire + clock.Simulated(pollInterval + TimeSpan.FromSeconds(5))).TotalMinutes);
        await using var console = new ConsoleUnderLoad(clock, new Dictionary<string, string>
        {
            ["Alerts:PollInterval"] = clock.Simulated(pollInterval).ToString("c", CultureInfo.InvariantCulture),
            // The longest allowed, 2.5 s of real time: the default 30 s would be 0.125 s at this rate.
            ["Aws:AttemptTimeout"] = "00:10:00",
            ["LocalCloud:Simulator:IncidentEvery"] = "00:00:00",
            ["LocalCloud:Simulator:Backfill"] = "03:00:00",
        }, services =>
        {
            if (!snsSubscribed)
            {
                services.Remove(services.Single(descriptor => descriptor.ImplementationType == typeof(LocalCloudAlertSubscription)));
            }
        });
        var cloudWatch = console.Services.GetRequiredService<ICloudWatch>();
        var opened = Channel.CreateUnbounded<(Alert Alert, DateTimeOffset StoredAt)>();
        using var subscription = console.Services.GetRequiredService<AlertFeed>().Subscribe(change =>
        {
            if (change.Kind == AlertChangeKind.Opened)
            {
                opened.Writer.TryWrite((change.Alert, TimeProvider.System.GetUtcNow()));
            }
        });
        using var localCloud = new HttpClient { BaseAddress = console.LocalCloudAddress };
        var screen = await AlertScreen.OpenAsync(chromium, console, TestUsers.Alice);
        try
        {
            List<Round> rounds = [];
            DateTimeOffset? lastStoredAt = null;
            var started = TimeProvider.System.GetTimestamp();
            while (rounds.Count < Rounds && TimeProvider.System.GetElapsedTime(started) < Budget)
            {
                var (incident, alarm) = Incidents[rounds.Count % Incidents.Length];
                await AlarmQuietAsync(cloudWatch, clock, alarm);
                if (!snsSubscribed && lastStoredAt is { } poll)
                {
                    await PollPhaseAsync(poll, pollInterval, rounds.Count);
                }
                var incidentAt = clock.GetUtcNow();
                using (var response = await localCloud.PostAsJsonAsync("/_localcloud/incidents", new { type = incident, minutes = incidentMinutes }))
                {
                    response.EnsureSuccessStatusCode();
                }
                var (alert, storedAt) = await OpenedAsync(opened.Reader, alarm, incidentAt);
                lastStoredAt = storedAt;
                var shownAt = await screen.RowShownAsync(alert.Id, "triggered", Deadline);
                var round = new Round((alert.TriggeredAt - incidentAt).TotalMinutes, Epoch(clock.RealTime(alert.TriggeredAt)), Epoch(storedAt), shownAt);
                rounds.Add(round);
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{PathName(snsSubscribed)}, poll {pollInterval.TotalSeconds:0} s, round {rounds.Count} ({incident}, {incidentMinutes} simulated min): incident → alarm {round.IncidentToAlarmSimulatedMinutes:0.0} simulated min, alarm → stored {round.StoredAt - round.AlarmAt:0} ms, stored → screen {round.ShownAt - round.StoredAt:0} ms"));
            }
            return rounds;
        }
        finally
        {
            await screen.Page.Context.CloseAsync();
        }
    }

    /// <summary>The alert <paramref name="alarm"/> opened for the incident started at <paramref name="incidentAt"/>,
    /// skipping any other alarm's (an incident can breach more than its own alarm).</summary>
    private static async Task<(Alert Alert, DateTimeOffset StoredAt)> OpenedAsync(
        ChannelReader<(Alert Alert, DateTimeOffset StoredAt)> opened, string alarm, DateTimeOffset incidentAt)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var next = await opened.ReadAsync(timeout.Token);
            if (next.Alert.DedupKey == alarm && next.Alert.TriggeredAt >= incidentAt)
            {
                return next;
            }
        }
    }

    /// <summary>Waits until a moment <c>(3 × round mod Rounds + ½) / Rounds</c> of a poll interval after a poll (the
    /// last alert stored by the watcher came from one). Without it every round would start right after the poll that
    /// stored the previous alert, and the alarm, a steady few seconds later, would always meet the poll cycle at the
    /// same point; spread like this the rounds see the whole cycle, as an incident at a random time would.</summary>
    private static async Task PollPhaseAsync(DateTimeOffset poll, TimeSpan pollInterval, int round)
    {
        var now = TimeProvider.System.GetUtcNow();
        var start = poll + pollInterval * ((3 * round % Rounds + 0.5) / Rounds);
        while (start < now)
        {
            start += pollInterval;
        }
        await Task.Delay(start - now);
    }

    /// <summary>Waits until LocalCloud has had <paramref name="alarm"/> in OK for <see cref="Quiet"/>: its previous
    /// incident is over and out of the evaluation window, so the next one starts from normal traffic.</summary>
    private static async Task AlarmQuietAsync(ICloudWatch cloudWatch, ScaledClock clock, string alarm)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Deadline;
        while (true)
        {
            var response = await cloudWatch.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = [alarm] }, CancellationToken.None);
            if (response.MetricAlarms is [{ StateValue: "OK", StateTransitionedTimestamp: { } since }] && clock.GetUtcNow() - since >= Quiet)
            {
                return;
            }
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"{alarm} was not quietly OK within {Deadline.TotalSeconds:0} s.");
            }
            await Task.Delay(100);
        }
    }

    private static string PathName(bool snsSubscribed) => snsSubscribed ? "SNS push and watcher (local mode's default)" : "watcher only";

    private static double Epoch(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    private static string Row(string path, TimeSpan interval, List<Round> rounds)
    {
        var alarmToScreen = rounds.Select(r => r.ShownAt - r.AlarmAt).ToArray();
        var incidentToAlarm = rounds.Select(r => r.IncidentToAlarmSimulatedMinutes).ToArray();
        // On a real clock the CloudWatch part would take its simulated minutes; what follows the alarm is measured.
        var atRealSpeed = rounds.Select(r => r.IncidentToAlarmSimulatedMinutes * 60_000 + r.ShownAt - r.AlarmAt).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {path} | {interval.TotalSeconds:0} s | {rounds.Count} | {Median(alarmToScreen):N0} ms | {NearestRank.Percentile(alarmToScreen, 0.95):N0} ms | {alarmToScreen.Max():N0} ms | {Median(rounds.Select(r => r.StoredAt - r.AlarmAt)):N0} ms | {Median(rounds.Select(r => r.ShownAt - r.StoredAt)):N0} ms | {Median(incidentToAlarm):0.0} | {NearestRank.Percentile(incidentToAlarm, 0.95):0.0} | {Median(atRealSpeed) / 60_000:0.0} min | {NearestRank.Percentile(atRealSpeed, 0.95) / 60_000:0.0} min |");
    }

    private static double Median(IEnumerable<double> values) => NearestRank.Percentile(values, 0.5);

    /// <summary>One round: the CloudWatch part in simulated minutes, then the alarm's state change, the stored alert's
    /// publish and the row's appearance in real milliseconds since the epoch.</summary>
    private sealed record Round(double IncidentToAlarmSimulatedMinutes, double AlarmAt, double StoredAt, double ShownAt);
}
