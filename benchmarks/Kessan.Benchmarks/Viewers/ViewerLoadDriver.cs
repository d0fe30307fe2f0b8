using System.Globalization;
using Kessan.Benchmarks.Hosting;
using Kessan.Benchmarks.Reporting;
using Kessan.Console.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Benchmarks.Viewers;

/// <summary>Measurement 1: GetMetricData calls per minute for 1, 10 and 100 viewers of Kessan-local-Main with
/// refresh=10s. Each count gets a fresh console on a fake clock. The viewers open one after another; once all show
/// the first load, the clock moves on in 10-second steps over a fixed window of simulated minutes, and after each
/// step the driver waits until every viewer shows that refresh. Calls are counted by the refresher's own meter.</summary>
internal static class ViewerLoadDriver
{
    public const string Command = "viewers";

    private const string Dashboard = "Kessan-local-Main";
    private const string Refresh = "10s";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ViewerTimeout = TimeSpan.FromSeconds(60);
    private static readonly int[] ViewerCounts = [1, 10, 100];

    /// <param name="args">Optional <c>--chromium-up-to N</c>: viewer counts up to N use Chromium, larger ones bUnit (default 10).</param>
    public static async Task RunAsync(string[] args)
    {
        var chromiumUpTo = args switch
        {
            [] => 10,
            ["--chromium-up-to", var limit] when int.TryParse(limit, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 => parsed,
            _ => throw new ArgumentException($"'{Command}' takes nothing or --chromium-up-to N (a whole number, 0 for bUnit only); it got: {string.Join(' ', args)}"),
        };
        await using var chromium = await HeadlessChromium.LaunchAsync();
        List<ViewerLoad> results = [];
        foreach (var count in ViewerCounts)
        {
            var load = await MeasureAsync(count, count <= chromiumUpTo ? chromium : null);
            results.Add(load);
            System.Console.WriteLine(load.Row());
        }

        System.Console.WriteLine();
        System.Console.WriteLine($"GetMetricData calls, {Dashboard}?refresh={Refresh}, {Window.TotalMinutes:0} simulated minutes after the first load:");
        System.Console.WriteLine($"Load average at the end: {MachineLoad.Describe()}.");
        System.Console.WriteLine(ViewerLoad.Header);
        foreach (var load in results)
        {
            System.Console.WriteLine(load.Row());
        }
    }

    private static async Task<ViewerLoad> MeasureAsync(int count, HeadlessChromium? chromium)
    {
        // Every count starts at the same moment past the hour, so period boundaries fall alike in each run; 20 minutes
        // past, because in an hour's first five minutes the 5-minute and 1-hour series ask for the same window and
        // share one call, which would flatter the count.
        var now = TimeProvider.System.GetUtcNow();
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 20, 7, TimeSpan.Zero) - TimeSpan.FromHours(1));
        await using var console = new ConsoleUnderLoad(clock);
        var url = console.Url($"/dashboards/{Dashboard}?refresh={Refresh}");
        var signIn = await console.BrowserSignInAsync(TestUsers.Viewer);
        var opened = TimeProvider.System.GetTimestamp();
        List<IDashboardViewer> viewers = [];
        try
        {
            for (var i = 0; i < count; i++)
            {
                IDashboardViewer viewer = chromium is null
                    ? RenderedViewer.Open(console, Dashboard, Refresh)
                    : await BrowserViewer.OpenAsync(chromium, url, signIn);
                viewers.Add(viewer);
                await viewer.WaitForStatusAsync(UpdatedAt(clock.GetUtcNow()), ViewerTimeout);
            }
            var openingTime = TimeProvider.System.GetElapsedTime(opened);
            var firstLoadCalls = console.GetMetricDataCalls;

            List<double> fanOutsMs = [];
            for (var elapsed = TimeSpan.Zero; elapsed < Window; elapsed += Step)
            {
                clock.Advance(Step);
                var status = UpdatedAt(clock.GetUtcNow());
                var stepStarted = TimeProvider.System.GetTimestamp();
                await Task.WhenAll(viewers.Select(viewer => viewer.WaitForStatusAsync(status, ViewerTimeout)));
                fanOutsMs.Add(TimeProvider.System.GetElapsedTime(stepStarted).TotalMilliseconds);
            }

            return new ViewerLoad(count, chromium is null ? "bUnit-rendered DashboardPage" : "Chromium contexts",
                firstLoadCalls, console.GetMetricDataCalls - firstLoadCalls, Window, openingTime, NearestRank.Percentile(fanOutsMs, 0.5));
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    /// <summary>A widget's footer after a refresh at <paramref name="at"/>, in UTC (the viewers' zone).</summary>
    private static string UpdatedAt(DateTimeOffset at) => $"Updated {at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";

    private sealed record ViewerLoad(int Viewers, string Kind, long FirstLoadCalls, long WindowCalls, TimeSpan Window, TimeSpan OpeningTime, double MedianFanOutMs)
    {
        public const string Header = "| viewers | rendered by | calls for the first load | calls in window | calls per minute | time to open all viewers | median time until all viewers show a refresh |\n|---:|---|---:|---:|---:|---:|---:|";

        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $"| {Viewers} | {Kind} | {FirstLoadCalls} | {WindowCalls} | {WindowCalls / Window.TotalMinutes:0.0} | {OpeningTime.TotalSeconds:0.0} s | {MedianFanOutMs:0} ms |");
    }
}
