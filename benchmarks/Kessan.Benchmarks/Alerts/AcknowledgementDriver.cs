using System.Globalization;
using Kessan.Benchmarks.Hosting;
using Kessan.Benchmarks.Reporting;
using Kessan.Console.Testing;

namespace Kessan.Benchmarks.Alerts;

/// <summary>Alerts measurement 3: acknowledgement to the second screen. Alice and Ben (both Operators) have
/// <c>/alerts</c> open in two Chromium contexts of a console on the real clock. Each round raises an application
/// alert through the ingest API, waits until both screens show it, and Alice acknowledges it with a note (Acknowledge,
/// note, confirm); the time is from her click on confirm to the moment Ben's row shows the acknowledged state, both
/// noted by the pages themselves. The alert is then resolved, so the page stays as small as an on-call's would.</summary>
internal static class AcknowledgementDriver
{
    public const string Command = "ack-to-second-screen";

    private const int WarmUpRounds = 3;
    private const int MeasuredRounds = 30;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task RunAsync()
    {
        await using var console = new ConsoleUnderLoad(TimeProvider.System);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var alerts = new ApplicationAlerts(console, TimeProvider.System);
        var alice = await AlertScreen.OpenAsync(chromium, console, TestUsers.Alice);
        var ben = await AlertScreen.OpenAsync(chromium, console, TestUsers.Ben);

        List<Round> rounds = [];
        for (var i = 0; i < WarmUpRounds + MeasuredRounds; i++)
        {
            var round = await MeasureAsync(alerts, alice, ben, i, CancellationToken.None);
            if (i >= WarmUpRounds)
            {
                rounds.Add(round);
            }
        }

        var toSecond = rounds.Select(r => r.SecondScreenMs).ToArray();
        var toOwn = rounds.Select(r => r.OwnScreenMs).ToArray();
        System.Console.WriteLine();
        System.Console.WriteLine($"Confirm click on Alice's screen to the acknowledged row on Ben's, {MeasuredRounds} rounds after {WarmUpRounds} warm-up rounds (ms):");
        System.Console.WriteLine($"Load average at the end: {MachineLoad.Describe()}.");
        System.Console.WriteLine("| screen | p50 | p95 | min | max |");
        System.Console.WriteLine("|---|---:|---:|---:|---:|");
        System.Console.WriteLine(Row("second screen (Ben)", toSecond));
        System.Console.WriteLine(Row("own screen (Alice)", toOwn));
    }

    private static async Task<Round> MeasureAsync(ApplicationAlerts alerts, AlertScreen alice, AlertScreen ben, int round, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"benchmark-ack-{round}");
        var alertId = await alerts.RaiseAsync(key, $"Acknowledgement round {round}", cancellationToken);
        await alice.RowShownAsync(alertId, "triggered", Deadline);
        await ben.RowShownAsync(alertId, "triggered", Deadline);

        await alice.AcknowledgeAsync(alertId, $"Taking round {round}");
        var secondScreen = await ben.RowShownAsync(alertId, "acknowledged", Deadline);
        var ownScreen = await alice.RowShownAsync(alertId, "acknowledged", Deadline);
        var confirmed = await alice.ConfirmedAtAsync();
        await alerts.ResolveAsync(key, cancellationToken);
        return new Round(secondScreen - confirmed, ownScreen - confirmed);
    }

    private static string Row(string screen, double[] values) => string.Create(CultureInfo.InvariantCulture,
        $"| {screen} | {NearestRank.Percentile(values, 0.5):0} | {NearestRank.Percentile(values, 0.95):0} | {values.Min():0} | {values.Max():0} |");

    private sealed record Round(double SecondScreenMs, double OwnScreenMs);
}
