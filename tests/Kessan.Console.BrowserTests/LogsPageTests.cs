using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kessan.Console.BrowserTests.Support;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Logs;
using Kessan.Console.Features.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kessan.Console.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LogsPageTests(BrowserSession session)
{
    private static readonly TimeSpan PollStep = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_saved_query_shows_rows_while_it_runs_and_then_completes()
    {
        session.Server.Queries.Arm();
        IPage page;
        try
        {
            // A day of simulated traffic is many chunks of events, so the query is held after its first one.
            page = await session.OpenAsync("/logs?from=now-24h&to=now");
            await page.Locator("[data-query-id='user-activity'] button").ClickAsync();

            await session.AdvanceUntilAsync(async () => await StatusAsync(page) is ("Running", > 0), PollStep);
            await Expect(page.GetByTestId("stop-query")).ToBeEnabledAsync();
            await Expect(page.GetByTestId("query-statistics")).ToContainTextAsync("records matched");
        }
        finally
        {
            session.Server.Queries.Release();
        }

        await session.AdvanceUntilAsync(async () => await StatusAsync(page) is ("Complete", > 0), PollStep);
        await Expect(page.GetByTestId("column-header")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("column-header").First).ToHaveAttributeAsync("data-column", "action");
        await Expect(page).ToHaveURLAsync(new Regex("q=.*user_action"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_query_one_operator_saves_shows_on_another_operators_open_page_and_leaves_it_when_deleted()
    {
        var alice = await session.OpenAsync("/logs", TestUsers.Alice);
        var ben = await session.OpenAsync("/logs", TestUsers.Ben);
        await Expect(ben.GetByTestId("saved-query")).ToHaveCountAsync(SeedQueries.All.Count);

        await alice.GetByTestId("query-editor").FillAsync("fields @timestamp, path | filter status_code >= 500");
        await alice.GetByTestId("save-query").ClickAsync();
        await alice.Locator("input[data-testid='save-query-name'], [data-testid='save-query-name'] input").FillAsync("Server errors by path");
        await alice.GetByTestId("save-query-confirm").ClickAsync();

        var shared = ben.GetByTestId("saved-query").Filter(new() { HasText = "Server errors by path" });
        await Expect(shared).ToHaveCountAsync(1);
        await shared.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(ben.GetByTestId("query-editor")).ToHaveValueAsync("fields @timestamp, path | filter status_code >= 500");

        await alice.GetByTestId("saved-query").Filter(new() { HasText = "Server errors by path" }).GetByTestId("delete-saved-query").ClickAsync();
        await Expect(shared).ToHaveCountAsync(0);
        await alice.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task Stop_cancels_a_running_query_and_keeps_its_partial_rows()
    {
        session.Server.Queries.Arm();
        IPage page;
        try
        {
            page = await session.OpenAsync($"/logs?q={Uri.EscapeDataString(SeedQueries.UserActivity.QueryString)}&from=now-24h&to=now");
            await session.AdvanceUntilAsync(async () => await StatusAsync(page) is ("Running", > 0), PollStep);

            await page.GetByTestId("stop-query").ClickAsync();

            await session.AdvanceUntilAsync(async () => await StatusAsync(page) is ("Cancelled", > 0), PollStep);
        }
        finally
        {
            session.Server.Queries.Release();
        }
        await Expect(page.GetByTestId("run-query")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_row_expands_to_its_whole_message_and_the_results_export_as_csv()
    {
        var query = "fields @timestamp, @message\n| filter @message like /api_request/\n| sort @timestamp desc\n| limit 25";
        var page = await session.OpenAsync($"/logs?q={Uri.EscapeDataString(query)}&from=now-1h&to=now");
        await session.AdvanceUntilAsync(async () => await StatusAsync(page) is ("Complete", _), PollStep);
        var rows = page.GetByTestId("log-row");
        await Expect(rows).ToHaveCountAsync(25);

        await rows.First.ClickAsync();
        await Expect(page.GetByTestId("log-record-message")).ToContainTextAsync("\"event\": \"api_request\"");
        await session.AdvanceUntilAsync(async () => await page.GetByTestId("log-histogram").GetAttributeAsync("data-bins") is not (null or "0"), PollStep);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "logs.png") });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("@timestamp,@message", lines[0]);
        Assert.Equal(26, lines.Length);
        var firstTimestamp = await rows.First.Locator("td").Nth(1).TextContentAsync();
        Assert.StartsWith($"{firstTimestamp},\"{{\"\"event\"\":\"\"api_request\"\"", lines[1]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_malformed_query_run_with_ctrl_enter_shows_the_error_at_its_position()
    {
        var page = await session.OpenAsync("/logs?from=now-1h&to=now");
        var editor = page.GetByTestId("query-editor");
        await editor.FillAsync("fields @timestamp\n| filter status_code >> 500");

        await editor.PressAsync("Control+Enter");

        var error = page.GetByTestId("query-error");
        await Expect(page.GetByTestId("query-error-message")).ToContainTextAsync("Line 2, column");
        await Expect(error).ToHaveAttributeAsync("data-line", "2");
        var column = int.Parse(await error.GetAttributeAsync("data-column") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(column, 22, 23);
        var marker = (await page.GetByTestId("query-error-marker").TextContentAsync())!.Split('\n');
        var lineStart = marker[0].IndexOf("| filter", StringComparison.Ordinal);
        Assert.Equal(lineStart + column - 1, marker[1].IndexOf('^'));
        await Expect(page.GetByTestId("query-error-message")).ToContainTextAsync($"Line 2, column {column}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logs_around_this_alert_open_the_errors_query_over_the_alerts_window()
    {
        var store = session.Server.Services.GetRequiredService<AlertStore>();
        var firedAt = session.Server.Clock.GetUtcNow().AddMinutes(-10);
        var outcome = await store.RecordAsync(new ApplicationAlertReport
        {
            Title = "Checkout failures",
            Message = "Payment provider answers 502",
            Severity = AlertSeverity.High,
            Context = JsonSerializer.SerializeToElement(new { provider = "stripe" }),
            Timestamp = firedAt,
        }.ToSignal(), CancellationToken.None);
        var alert = Assert.IsType<SignalOutcome.Opened>(outcome).Alert;
        var page = await session.OpenAsync($"/alerts/{alert.Id}");

        await page.GetByTestId("logs-around-alert").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/logs\\?q=.*application_error.*&groups=%2Fkessan%2Flocal%2Fapi&from=.*&to=now"));
        await Expect(page.GetByTestId("query-editor")).ToHaveValueAsync(SeedQueries.Errors.QueryString);
        await session.AdvanceUntilAsync(async () => await StatusAsync(page) is ("Complete", _), PollStep);
        await page.Context.CloseAsync();
    }

    /// <summary>The query's status and row count as the page shows them, without waiting for the status to appear.</summary>
    private static async Task<(string? Status, int Rows)> StatusAsync(IPage page)
    {
        var shown = await page.EvaluateAsync<string[]>(
            "() => { const s = document.querySelector(\"[data-testid='query-status']\"); return s ? [s.getAttribute('data-status'), s.getAttribute('data-rows')] : ['', '0']; }");
        return (shown[0], int.Parse(shown[1], CultureInfo.InvariantCulture));
    }
}
