using System.Globalization;
using Kessan.Benchmarks.Hosting;
using Kessan.Benchmarks.Reporting;
using Kessan.Console.Features.Dashboards.Refresh;
using Kessan.Console.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kessan.Benchmarks.Rendering;

/// <summary>Measurement 4: time to first full render of /dashboards/Kessan-local-Main in Chromium against a warm
/// console (real clock, simulator running). A script installed before the page's own code watches the DOM and notes
/// <c>performance.now()</c> (milliseconds since navigation start) at each phase, up to the moment every metric
/// widget's chart carries data-points &gt; 0. Three situations: a first visit (new browser context: nothing cached)
/// with no other viewer, so the refresher holds no series and fetches them from LocalCloud; a return visit (same
/// context: assets and compiled scripts cached) with no other viewer; and a first visit while another viewer already
/// shows the dashboard, so the series are shared and arrive at once. The CPU time each load costs the browser and
/// the console is noted too: it depends far less than the elapsed time on what else the machine runs.</summary>
internal static class FirstRenderDriver
{
    public const string Command = "first-render";

    private const string Dashboard = "Kessan-local-Main";
    private const int MetricWidgets = 4;
    private const int WarmUpLoads = 5;
    private const int MeasuredLoads = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const string Marks = """
        (() => {
            const marks = window.__kessanMarks = {};
            const charts = () => [...document.querySelectorAll("[data-widget-type='metric'] .kessan-chart")];
            const drawn = chart => Number(chart.getAttribute("data-points")) > 0;
            new MutationObserver((_, observer) => {
                const now = performance.now();
                const all = charts();
                if (marks.interactive === undefined && document.querySelector("[data-interactive='true']")) marks.interactive = now;
                if (marks.widgets === undefined && all.length === METRIC_WIDGETS) marks.widgets = now;
                if (marks.firstChart === undefined && all.some(drawn)) marks.firstChart = now;
                if (marks.rendered === undefined && all.length === METRIC_WIDGETS && all.every(drawn)) {
                    marks.rendered = now;
                    observer.disconnect();
                }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-points", "data-interactive"] });
        })();
        """;

    private const string ReadMarks = """
        () => {
            const navigation = performance.getEntriesByType("navigation")[0];
            const marks = window.__kessanMarks;
            const library = performance.getEntriesByType("resource").find(entry => entry.name.includes("apexcharts.esm"));
            return [navigation.responseEnd, navigation.domContentLoadedEventEnd, marks.interactive, marks.widgets, library ? library.fetchStart : -1, library ? library.responseEnd : -1, marks.firstChart, marks.rendered];
        }
        """;

    public static async Task RunAsync()
    {
        await using var console = new ConsoleUnderLoad(TimeProvider.System);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var refresher = console.Services.GetRequiredService<MetricRefresher>();
        var url = console.Url($"/dashboards/{Dashboard}");
        var signIn = await console.BrowserSignInAsync(TestUsers.Viewer);
        var script = Marks.Replace("METRIC_WIDGETS", MetricWidgets.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        for (var i = 0; i < WarmUpLoads; i++)
        {
            await LoadInNewContextAsync(chromium, signIn, script, url, refresher);
        }

        List<LoadMarks> firstVisits = [];
        for (var i = 0; i < MeasuredLoads; i++)
        {
            firstVisits.Add(await LoadInNewContextAsync(chromium, signIn, script, url, refresher));
        }

        var returning = await NewMeasuredContextAsync(chromium, signIn, script);
        await LoadAsync(returning, url, refresher);
        List<LoadMarks> returnVisits = [];
        for (var i = 0; i < MeasuredLoads; i++)
        {
            returnVisits.Add(await LoadAsync(returning, url, refresher));
        }
        await returning.CloseAsync();

        var resident = await chromium.NewContextAsync(signIn);
        await (await resident.NewPageAsync()).GotoAsync(url);
        List<LoadMarks> shared = [];
        for (var i = 0; i < MeasuredLoads; i++)
        {
            var context = await NewMeasuredContextAsync(chromium, signIn, script);
            shared.Add(await LoadAsync(context, url, refresher: null));
            await context.CloseAsync();
        }
        await resident.CloseAsync();

        System.Console.WriteLine();
        System.Console.WriteLine($"Navigation start to every chart of {Dashboard} drawn with data, {MeasuredLoads} loads each after {WarmUpLoads} warm-up loads (ms):");
        System.Console.WriteLine($"Load average at the end: {MachineLoad.Describe()}.");
        System.Console.WriteLine("| situation | full render median | full render p95 | min | max | medians of the phases: HTML received | DOMContentLoaded | circuit interactive | widgets shown | chart library requested | chart library received | first chart drawn | CPU per load (median): Chromium + Playwright driver | console process |");
        System.Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.Console.WriteLine(Row("first visit: new browser context, no other viewer", firstVisits));
        System.Console.WriteLine(Row("return visit: same browser context (cached assets), no other viewer", returnVisits));
        System.Console.WriteLine(Row("first visit while another viewer shows the dashboard (series shared)", shared));
    }

    private static async Task<IBrowserContext> NewMeasuredContextAsync(HeadlessChromium chromium, Cookie[] signIn, string script)
    {
        var context = await chromium.NewContextAsync(signIn);
        await context.AddInitScriptAsync(script);
        return context;
    }

    private static async Task<LoadMarks> LoadInNewContextAsync(HeadlessChromium chromium, Cookie[] signIn, string script, string url, MetricRefresher refresher)
    {
        var context = await NewMeasuredContextAsync(chromium, signIn, script);
        try
        {
            return await LoadAsync(context, url, refresher);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Opens the dashboard in a new page of <paramref name="context"/>, notes the marks and closes the page.
    /// With a <paramref name="refresher"/> the load waits first until no viewer is left, so that its series are
    /// fetched rather than handed over from a circuit that is still closing.</summary>
    private static async Task<LoadMarks> LoadAsync(IBrowserContext context, string url, MetricRefresher? refresher)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Deadline;
        while (refresher is { ActiveSeries: > 0 })
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"The previous viewer's {refresher.ActiveSeries} series were still subscribed after {Deadline.TotalSeconds:0} s.");
            }
            await Task.Delay(10);
        }
        var page = await context.NewPageAsync();
        try
        {
            var (consoleCpu, browserCpu) = (ProcessCpu.Own(), ProcessCpu.Descendants());
            await page.GotoAsync(url);
            await page.WaitForFunctionAsync("() => window.__kessanMarks.rendered !== undefined", null,
                new PageWaitForFunctionOptions { Timeout = (float)Deadline.TotalMilliseconds });
            consoleCpu = ProcessCpu.Own() - consoleCpu;
            browserCpu = ProcessCpu.Descendants() - browserCpu;
            var marks = await page.EvaluateAsync<double[]>(ReadMarks);
            return new LoadMarks(marks[0], marks[1], marks[2], marks[3], marks[4], marks[5], marks[6], marks[7],
                browserCpu.TotalMilliseconds, consoleCpu.TotalMilliseconds);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static string Row(string situation, List<LoadMarks> loads)
    {
        var rendered = loads.Select(l => l.Rendered).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {situation} | {NearestRank.Percentile(rendered, 0.5):0} | {NearestRank.Percentile(rendered, 0.95):0} | {rendered.Min():0} | {rendered.Max():0} | {Median(loads, l => l.HtmlReceived):0} | {Median(loads, l => l.DomContentLoaded):0} | {Median(loads, l => l.Interactive):0} | {Median(loads, l => l.WidgetsShown):0} | {Median(loads, l => l.LibraryRequested):0} | {Median(loads, l => l.LibraryReceived):0} | {Median(loads, l => l.FirstChartDrawn):0} | {Median(loads, l => l.BrowserCpu):0} | {Median(loads, l => l.ConsoleCpu):0} |");
    }

    private static double Median(List<LoadMarks> loads, Func<LoadMarks, double> mark) => NearestRank.Percentile(loads.Select(mark), 0.5);

    private sealed record LoadMarks(double HtmlReceived, double DomContentLoaded, double Interactive, double WidgetsShown, double LibraryRequested, double LibraryReceived, double FirstChartDrawn, double Rendered, double BrowserCpu, double ConsoleCpu);
}
