using System.Globalization;
using Kessan.Benchmarks.Hosting;
using Kessan.Benchmarks.Reporting;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kessan.Benchmarks.Rendering;

/// <summary>Logs result table: time to show 10,000 result rows of a Logs Insights query in Chromium and to scroll to
/// the last of them, against the in-process console in local mode (real clock, LocalCloud's 24 h of simulated
/// structlog events). One signed-in page re-runs the query with its Run button; a script installed before the page's
/// own code notes <c>performance.now()</c> when the status first shows Complete with 10,000 rows (the render batch that
/// brings the results and the table is in the DOM), and two animation frames later (painted). Scrolling sets the
/// table's scrollTop to its end and waits until row 9,999 is in the DOM and painted, which takes a round trip to the
/// circuit (Virtualize asks the server for the rows in view).</summary>
internal static class LogRowsDriver
{
    public const string Command = "logs-rows";

    private const int Rows = 10_000;
    private const int WarmUpRuns = 3;
    private const int MeasuredRuns = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private const string Query = "fields @timestamp, @message\n| filter @message like /api_request/\n| limit 10000";

    private const string Marks = """
        (() => {
            const marks = window.__logMarks = {};
            const painted = key => requestAnimationFrame(() => requestAnimationFrame(() => { marks[key] = performance.now(); }));
            new MutationObserver(() => {
                const now = performance.now();
                const status = document.querySelector("[data-testid='query-status']");
                // The previous run's table stays until the new run replaces it: wait for the new run to show first.
                if (marks.clicked !== undefined && status && status.getAttribute("data-status") !== "Complete") marks.restarted = now;
                if (marks.restarted !== undefined && marks.arrived === undefined && status
                    && status.getAttribute("data-status") === "Complete" && status.getAttribute("data-rows") === "ROWS"
                    && document.querySelector("[data-testid='log-row']")) {
                    marks.arrived = now;
                    painted("shown");
                }
                const histogram = document.querySelector("[data-testid='log-histogram']");
                if (marks.arrived !== undefined && marks.histogram === undefined && histogram && histogram.getAttribute("data-bins") !== "0") {
                    marks.histogram = now;
                }
                if (marks.scrolledAt !== undefined && marks.lastRow === undefined && document.querySelector("[data-testid='log-row'][data-row='LAST']")) {
                    marks.lastRow = now;
                    painted("scrolled");
                }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status", "data-rows", "data-bins"] });
        })();
        """;

    private const string Run = """
        () => {
            for (const key of Object.keys(window.__logMarks)) delete window.__logMarks[key];
            window.__logMarks.clicked = performance.now();
            document.querySelector("[data-testid='run-query']").click();
        }
        """;

    private const string ScrollToEnd = """
        () => {
            const table = document.querySelector("[data-testid='log-results']");
            window.__logMarks.scrolledAt = performance.now();
            table.scrollTop = table.scrollHeight;
        }
        """;

    private const string ReadMarks = "() => { const m = window.__logMarks; return [m.clicked, m.arrived, m.shown, m.histogram, m.scrolledAt, m.scrolled]; }";

    public static async Task RunAsync()
    {
        // Results are asked for every 100 ms (the page's default is 1 s), so the poll wait does not swamp the rendering.
        Environment.SetEnvironmentVariable("Logs__PollInterval", "00:00:00.100");
        await using var console = new ConsoleUnderLoad(TimeProvider.System);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var context = await chromium.NewContextAsync();
        await context.AddInitScriptAsync(Marks.Replace("ROWS", Rows.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("LAST", (Rows - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var page = await context.NewPageAsync();
        var token = console.Services.GetRequiredService<LocalTokens>().OneTimeToken
            ?? throw new InvalidOperationException("The console has no one-time local sign-in token; is Auth configured?");
        var logs = $"/logs?q={Uri.EscapeDataString(Query)}&from=now-24h&to=now";
        await page.GotoAsync(console.Url($"{AuthPaths.LocalSignIn}?token={Uri.EscapeDataString(token)}&returnUrl={Uri.EscapeDataString(logs)}"));
        await page.Locator("[data-testid='query-status'][data-status='Complete']").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Deadline.TotalMilliseconds });
        var shown = await page.GetByTestId("query-status").GetAttributeAsync("data-rows");
        if (shown != Rows.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The query returned {shown} rows, not {Rows}: LocalCloud holds too few api_request events.");
        }

        for (var i = 0; i < WarmUpRuns; i++)
        {
            await MeasureAsync(page);
        }
        List<RunMarks> runs = [];
        for (var i = 0; i < MeasuredRuns; i++)
        {
            runs.Add(await MeasureAsync(page));
        }
        await context.CloseAsync();

        // The same query through the console's client alone: what the data path costs without the page.
        var client = console.Services.GetRequiredService<ICloudWatchLogs>();
        List<double> dataPath = [];
        for (var i = 0; i < MeasuredRuns; i++)
        {
            dataPath.Add(await QueryAloneAsync(client));
        }

        System.Console.WriteLine();
        System.Console.WriteLine($"{Rows:N0} result rows in the /logs table, {MeasuredRuns} runs after {WarmUpRuns} warm-up runs (ms):");
        System.Console.WriteLine($"Load average at the end: {MachineLoad.Describe()}.");
        System.Console.WriteLine("| phase | median | p95 | min | max |");
        System.Console.WriteLine("|---|---:|---:|---:|---:|");
        System.Console.WriteLine(Row("Run clicked → 10,000 rows in the DOM (StartQuery, polls, 3.5 MB of results, render batch)", runs.Select(r => r.Arrived - r.Clicked)));
        System.Console.WriteLine(Row("results in the DOM → table painted", runs.Select(r => r.Shown - r.Arrived)));
        System.Console.WriteLine(Row("Run clicked → table painted", runs.Select(r => r.Shown - r.Clicked)));
        System.Console.WriteLine(Row("Run clicked → histogram drawn (its query follows the rows)", runs.Select(r => r.Histogram - r.Clicked)));
        System.Console.WriteLine(Row("scroll to the end → row 10,000 painted", runs.Select(r => r.Scrolled - r.ScrolledAt)));
        System.Console.WriteLine(Row("for comparison, no page: StartQuery + GetQueryResults every 100 ms until Complete", dataPath));
    }

    private static async Task<double> QueryAloneAsync(ICloudWatchLogs client)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var query = await client.StartQueryAsync(new StartQueryRequest
        {
            LogGroupNames = ["/kessan/local/api"],
            StartTime = now.AddHours(-24),
            EndTime = now,
            QueryString = Query,
        }, CancellationToken.None);
        await foreach (var answer in client.PollQueryResultsAsync(query.QueryId!, TimeSpan.FromMilliseconds(100), clock))
        {
            if (QueryStatus.IsFinished(answer.Status) && answer.Results?.Count != Rows)
            {
                throw new InvalidOperationException($"The query ended {answer.Status} with {answer.Results?.Count} rows, not {Rows}.");
            }
        }
        return clock.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<RunMarks> MeasureAsync(IPage page)
    {
        var wait = new PageWaitForFunctionOptions { Timeout = (float)Deadline.TotalMilliseconds };
        await page.EvaluateAsync(Run);
        await page.WaitForFunctionAsync("() => window.__logMarks.shown !== undefined", null, wait);
        // The histogram query follows the rows; scrolling is measured once it is done, not against it.
        await page.WaitForFunctionAsync("() => window.__logMarks.histogram !== undefined", null, wait);
        await page.EvaluateAsync(ScrollToEnd);
        await page.WaitForFunctionAsync("() => window.__logMarks.scrolled !== undefined", null, wait);
        var marks = await page.EvaluateAsync<double[]>(ReadMarks);
        return new RunMarks(marks[0], marks[1], marks[2], marks[3], marks[4], marks[5]);
    }

    private static string Row(string phase, IEnumerable<double> values)
    {
        var all = values.ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {NearestRank.Percentile(all, 0.5):0} | {NearestRank.Percentile(all, 0.95):0} | {all.Min():0} | {all.Max():0} |");
    }

    private sealed record RunMarks(double Clicked, double Arrived, double Shown, double Histogram, double ScrolledAt, double Scrolled);
}
