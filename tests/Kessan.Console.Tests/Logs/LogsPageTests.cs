using Bunit;
using Kessan.Console.Features.Logs.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Logs;

public sealed class LogsPageTests : LogsPageContext
{
    private const string Group = "/kessan/test/api";

    [Fact]
    public void A_malformed_query_shows_the_error_under_the_line_and_column_at_fault()
    {
        const string query = "fields @timestamp\n| filter status_code >> 500";
        var at = query.IndexOf(">>", StringComparison.Ordinal) + 1;
        Logs.StartFailure = _ => ScriptedLogs.Malformed(at, at, "expected an expression, found '>'");

        var page = Open(Link(query));

        page.WaitForAssertion(() =>
        {
            var error = page.Find("[data-testid='query-error']");
            Assert.Equal("2", error.GetAttribute("data-line"));
            Assert.Equal("23", error.GetAttribute("data-column"));
        });
        var marker = page.Find("[data-testid='query-error-marker']").TextContent.Split('\n');
        Assert.EndsWith("| filter status_code >> 500", marker[0]);
        Assert.Equal(marker[0].IndexOf(">> 500", StringComparison.Ordinal) + 1, marker[1].IndexOf('^'));
        Assert.Equal("Line 2, column 23: expected an expression, found '>'", page.Find("[data-testid='query-error-message']").TextContent);
    }

    [Fact]
    public void A_failed_query_promises_no_histogram()
    {
        Logs.StartFailure = _ => ScriptedLogs.Malformed(1, 1, "unexpected end of input");

        var page = Open(Link("fields @timestamp | stats count(*) by"));

        page.WaitForAssertion(() => Assert.Equal("Failed", page.Find("[data-testid='query-status']").GetAttribute("data-status")));
        Assert.Empty(page.FindAll("[data-testid='log-histogram']"));
    }

    [Fact]
    public void Running_an_empty_query_says_what_to_write_and_asks_nothing_of_the_service()
    {
        var page = Open("/logs");

        page.Find("[data-testid='run-query']").Click();

        page.WaitForAssertion(() => Assert.Contains("The query is empty", page.Find("[data-testid='query-error-message']").TextContent));
        Assert.Empty(Logs.Started);
    }

    [Fact]
    public void A_log_group_that_does_not_exist_is_named_and_the_page_stays_up()
    {
        Logs.StartFailure = _ => ScriptedLogs.NotFound("Log group '/kessan/gone/api' does not exist for account ID '000000000000'.");

        var page = Open("/logs?q=fields%20%40message&groups=%2Fkessan%2Fgone%2Fapi");

        page.WaitForAssertion(() => Assert.Contains("'/kessan/gone/api' does not exist", page.Find("[data-testid='query-error-message']").TextContent));
        Assert.Equal("Failed", page.Find("[data-testid='query-status']").GetAttribute("data-status"));
        Assert.NotNull(page.Find("[data-testid='run-query']"));
    }

    [Fact]
    public void A_time_range_that_ends_before_it_starts_is_explained()
    {
        var page = Open("/logs?q=fields%20%40message&from=now&to=now-1h");

        page.WaitForAssertion(() => Assert.Contains("from must be before to", page.Find("[data-testid='time-problem']").TextContent));
    }

    [Fact]
    public void Html_and_script_in_a_result_are_shown_as_text()
    {
        Logs.Rows = [Row("@message", "<script>window.pwned=1</script><b>bold</b>")];

        var page = Open(Link("fields @message"));

        page.WaitForAssertion(() => Assert.Contains("<script>window.pwned=1</script><b>bold</b>", page.Find("[data-testid='log-row']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='log-results'] script"));
        Assert.Empty(page.FindAll("[data-testid='log-results'] b"));
    }

    [Fact]
    public void A_256_KB_message_opens_cut_to_its_first_2000_characters_until_show_all()
    {
        var message = "{\"event\":\"api_request\",\"body\":\"" + new string('x', 256 * 1024) + "\"}";
        Logs.Records["ptr-1"] = message;
        Logs.Rows = [Row("@message", message, "@ptr", "ptr-1")];
        var page = Open(Link("fields @message"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='log-row']")));

        page.Find("[data-testid='log-row']").Click();

        page.WaitForAssertion(() => Assert.Equal(2_000, page.Find("[data-testid='log-record-message']").TextContent.Length));
        Assert.True(page.Find("[data-testid='log-row'] td:nth-child(2)").TextContent.Length <= 301);
        page.Find("[data-testid='show-all']").Click();
        Assert.Contains(new string('x', 256 * 1024), page.Find("[data-testid='log-record-message']").TextContent);
    }

    [Fact]
    public void A_row_opens_to_its_whole_message_as_indented_json()
    {
        Logs.Records["ptr-1"] = """{"event":"application_error","error_type":"Timeout"}""";
        Logs.Rows = [Row("@timestamp", "2026-11-20 05:00:00.000", "@message", "application_error", "@ptr", "ptr-1")];
        var page = Open(Link("fields @timestamp, @message"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='log-row']")));

        page.Find("[data-testid='log-row']").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "{\n  \"event\": \"application_error\",\n  \"error_type\": \"Timeout\"\n}",
            page.Find("[data-testid='log-record-message']").TextContent.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Result_columns_follow_the_query_fields_without_ptr_and_a_header_click_sorts()
    {
        Logs.Rows = [Row("path", "/a", "requests", "9", "@ptr", "p1"), Row("path", "/b", "requests", "10", "@ptr", "p2")];
        var page = Open(Link("stats count() as requests by path"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='log-row']").Count));

        Assert.Equal(["path", "requests"], page.FindAll("[data-testid='column-header']").Select(h => h.GetAttribute("data-column")));
        page.Find("[data-column='requests']").Click();
        page.Find("[data-column='requests']").Click();

        Assert.Equal(["/b", "/a"], page.FindAll("[data-testid='log-row'] td:nth-child(2)").Select(cell => cell.TextContent));
    }

    [Fact]
    public void A_viewer_has_no_save_button_but_sees_the_seed_queries()
    {
        var page = Open("/logs");

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid='saved-query']").Count));
        Assert.Empty(page.FindAll("[data-testid='save-query']"));
    }

    [Fact]
    public void Picking_a_saved_query_runs_it_on_the_selected_groups()
    {
        var page = Open("/logs");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid='saved-query']").Count));

        page.Find("[data-query-id='errors'] button").Click();

        page.WaitForAssertion(() => Assert.Contains(Logs.Started, query =>
            query.QueryString == Core.Logs.SeedQueries.Errors.QueryString && query.LogGroupNames!.SequenceEqual([Group])));
    }

    [Fact]
    public void An_operator_sees_save_and_can_delete_only_saved_queries()
    {
        SignInAs(TestUsers.Alice);

        var page = Open("/logs");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='save-query']")));
        Assert.Empty(page.FindAll("[data-query-id='errors'] [data-testid='delete-saved-query']"));
    }

    [Fact]
    public void Running_puts_the_query_groups_and_range_in_the_url()
    {
        var page = Open("/logs?from=now-1h&to=now");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid='saved-query']").Count));

        page.Find("[data-testid='query-editor']").Input("fields @message | limit 5");
        page.Find("[data-testid='run-query']").Click();

        var url = new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("fields @message | limit 5", query["q"]);
        Assert.Equal(Group, query["groups"]);
        Assert.Equal("now-1h", query["from"]);
        Assert.Equal("now", query["to"]);
    }

    [Fact]
    public void With_refresh_on_the_query_runs_again_each_interval()
    {
        var page = Open(Link("fields @message") + "&refresh=1m");
        page.WaitForAssertion(() => Assert.Equal("Complete", page.Find("[data-testid='query-status']").GetAttribute("data-status")));
        var before = Logs.Started.Count(query => query.QueryString == "fields @message");

        Clock.Advance(TimeSpan.FromMinutes(1));

        page.WaitForAssertion(() => Assert.Equal(before + 1, Logs.Started.Count(query => query.QueryString == "fields @message")));
    }

    [Fact]
    public void A_new_time_range_runs_the_linked_query_over_it_and_keeps_edits_not_run_yet()
    {
        var page = Open(Link("fields @message") + "&from=now-1h&to=now");
        page.WaitForAssertion(() => Assert.Equal("Complete", page.Find("[data-testid='query-status']").GetAttribute("data-status")));
        page.Find("[data-testid='query-editor']").Input("fields @message | limit 5");

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(Link("fields @message") + "&from=now-3h&to=now");

        page.WaitForAssertion(() => Assert.Contains(Logs.Started,
            query => query.QueryString == "fields @message" && query.EndTime - query.StartTime == TimeSpan.FromHours(3)));
        Assert.DoesNotContain(Logs.Started, query => query.QueryString.Contains("limit 5", StringComparison.Ordinal));
        Assert.Equal("fields @message | limit 5", page.Find("[data-testid='query-editor']").GetAttribute("value"));
    }

    [Fact]
    public void What_is_typed_while_the_log_groups_load_stays_in_the_editor()
    {
        Logs.GroupsListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = Open("/logs?from=now-1h&to=now");
        page.Find("[data-testid='query-editor']").Input("fields @message | limit 5");

        Logs.GroupsListed.SetResult();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid='saved-query']").Count));
        page.WaitForAssertion(() => Assert.Equal("fields @message | limit 5", page.Find("[data-testid='query-editor']").GetAttribute("value")));
    }

    [Fact]
    public void A_refresh_keeps_what_is_being_typed_in_the_editor()
    {
        var page = Open(Link("fields @message") + "&refresh=1m");
        page.WaitForAssertion(() => Assert.Equal("Complete", page.Find("[data-testid='query-status']").GetAttribute("data-status")));
        page.Find("[data-testid='query-editor']").Input("fields @message | filter level = \"error\"");

        Clock.Advance(TimeSpan.FromMinutes(1));

        page.WaitForAssertion(() => Assert.Equal(2, Logs.Started.Count(query => query.QueryString == "fields @message")));
        Assert.Equal("fields @message | filter level = \"error\"", page.Find("[data-testid='query-editor']").GetAttribute("value"));
    }

    [Fact]
    public void A_keystroke_in_the_query_editor_does_not_render_the_results_table_again()
    {
        Logs.Rows = [Row("@message", "first"), Row("@message", "second")];
        var page = Open(Link("fields @message"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='log-row']").Count));
        var table = page.FindComponent<LogResultsTable>();
        var renders = table.RenderCount;

        page.Find("[data-testid='query-editor']").Input("fields @message | limit 1");

        Assert.Equal("fields @message | limit 1", page.Find("[data-testid='query-editor']").GetAttribute("value"));
        Assert.Equal(renders, table.RenderCount);
    }

    [Fact]
    public void A_keystroke_in_the_query_editor_does_not_render_the_saved_queries_again()
    {
        SignInAs(TestUsers.Alice);
        var page = Open("/logs");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='save-query']")));
        var list = page.FindComponent<SavedQueryList>();
        var renders = list.RenderCount;

        page.Find("[data-testid='query-editor']").Input("fields @message | limit 1");

        Assert.Equal("fields @message | limit 1", page.Find("[data-testid='query-editor']").GetAttribute("value"));
        Assert.Equal(renders, list.RenderCount);
    }

    private static string Link(string query) => $"/logs?q={Uri.EscapeDataString(query)}&groups={Uri.EscapeDataString(Group)}";

    private static IReadOnlyDictionary<string, string> Row(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);
}
