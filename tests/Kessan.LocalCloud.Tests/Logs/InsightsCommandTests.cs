namespace Kessan.LocalCloud.Tests.Logs;

public sealed class InsightsCommandTests : IDisposable
{
    private readonly LogEngine _engine = KessanLines.Engine();

    [Fact]
    public async Task Without_fields_rows_show_timestamp_and_message_newest_first()
    {
        var answer = await _engine.QueryAsync("filter status_code = 500");

        Assert.Equal([["@timestamp", "@message"]], answer.Columns);
        Assert.Equal((KessanLines.Shown(4), KessanLines.Messages[4]), (answer.Rows[0]["@timestamp"], answer.Rows[0]["@message"]));
    }

    [Fact]
    public async Task Every_event_row_carries_a_ptr()
    {
        var answer = await _engine.QueryAsync("fields @timestamp");

        Assert.All(answer.Rows, row => Assert.False(string.IsNullOrEmpty(row["@ptr"])));
    }

    [Fact]
    public async Task Fields_lists_the_columns_and_leaves_out_absent_values()
    {
        var answer = await _engine.QueryAsync("fields path, user_id | sort @timestamp asc");

        Assert.Equal(["/stocks/search", "/stocks/7203", "/watchlist", null, "/stocks/search", null], answer.Column("path"));
        Assert.Equal(["7", null, "7", null, "9", null], answer.Column("user_id"));
    }

    [Fact]
    public async Task Fields_computes_named_expressions_from_earlier_ones()
    {
        var answer = await _engine.QueryAsync("filter ispresent(response_time_ms) | fields response_time_ms / 1000 as seconds, seconds * 2 as twice | sort @timestamp asc");

        Assert.Equal(["0.12", "0.03", "0.0805", "1.5"], answer.Column("seconds"));
        Assert.Equal(["0.24", "0.06", "0.161", "3"], answer.Column("twice"));
    }

    [Fact]
    public async Task Display_shows_only_the_fields_it_names()
    {
        var answer = await _engine.QueryAsync("fields path, method | display method | filter status_code = 201");

        Assert.Equal([["method"]], answer.Columns);
    }

    [Fact]
    public async Task Nested_json_fields_are_discovered_with_dotted_names_and_array_indexes()
    {
        var answer = await _engine.QueryAsync("filter ispresent(context.path) | fields context.path, context.tags.1, error_message");

        var row = Assert.Single(answer.Rows);
        Assert.Equal(("/stocks/search", "pool", "pool \"main\" exhausted"), (row["context.path"], row["context.tags.1"], row["error_message"]));
    }

    [Fact]
    public async Task Built_in_fields_name_the_stream_and_the_group()
    {
        var answer = await _engine.QueryAsync("fields @logStream, @log, @ingestionTime | limit 1");

        var row = Assert.Single(answer.Rows);
        Assert.Equal((LogEngine.Stream, $"000000000000:{LogEngine.Group}", "2026-11-20 06:00:00.000"), (row["@logStream"], row["@log"], row["@ingestionTime"]));
    }

    [Theory]
    [InlineData("filter status_code >= 400", 2)]
    [InlineData("filter status_code != 200 and ispresent(status_code)", 3)]
    [InlineData("filter status_code < 100 or path = \"/watchlist\"", 1)]
    [InlineData("filter not ispresent(event)", 1)]
    [InlineData("filter method in [\"POST\", \"DELETE\"]", 1)]
    [InlineData("filter method not in [\"GET\"]", 1)]
    [InlineData("filter status_code in [404, 500]", 2)]
    [InlineData("filter @message like \"healthz\"", 1)]
    [InlineData("filter @message like /stocks\\/\\d+/", 1)]
    [InlineData("filter path =~ /^\\/stocks/", 3)]
    [InlineData("filter @message not like /api_request/", 2)]
    [InlineData("filter response_time_ms * 2 > 200 and response_time_ms - 100 < 1000", 1)]
    [InlineData("filter (status_code = 200 or status_code = 201) and user_id = \"7\"", 2)]
    [InlineData("filter level = \"error\"", 1)]
    [InlineData("filter 10 % 3 = 1 and 2 ^ 3 = 8 and -status_code = -404", 1)]
    public async Task Filter_keeps_the_events_its_condition_holds_for(string query, int expected)
    {
        var answer = await _engine.QueryAsync(query);

        Assert.Equal(expected, answer.Rows.Count);
    }

    [Fact]
    public async Task Sort_orders_by_several_keys()
    {
        var answer = await _engine.QueryAsync("filter ispresent(path) | fields path, @timestamp | sort path asc, @timestamp desc");

        Assert.Equal(
            [("/stocks/7203", KessanLines.Shown(1)), ("/stocks/search", KessanLines.Shown(4)), ("/stocks/search", KessanLines.Shown(0)), ("/watchlist", KessanLines.Shown(2))],
            answer.Rows.Select(row => (row["path"], row["@timestamp"])));
    }

    [Fact]
    public async Task Sort_puts_text_before_numbers_and_orders_digits_naturally()
    {
        var engine = new LogEngine();
        engine.Put("""{"v":"a10"}""", """{"v":"a9"}""", """{"v":20}""", """{"v":"b"}""", """{"v":3}""");

        var answer = await engine.QueryAsync("fields v | sort v asc");

        Assert.Equal(["a9", "a10", "b", "3", "20"], answer.Column("v"));
    }

    [Fact]
    public async Task Limit_keeps_the_first_rows()
    {
        var answer = await _engine.QueryAsync("fields @timestamp | sort @timestamp asc | limit 2");

        Assert.Equal([KessanLines.Shown(0), KessanLines.Shown(1)], answer.Column("@timestamp"));
    }

    [Fact]
    public async Task Stats_aggregates_by_group()
    {
        var answer = await _engine.QueryAsync(
            "filter event = \"api_request\" | stats count() as n, sum(response_time_ms) as total, avg(response_time_ms) as mean, min(response_time_ms) as low, max(response_time_ms) as high by path | sort path");

        Assert.Equal(
            [("/stocks/7203", "1", "30", "30", "30", "30"), ("/stocks/search", "2", "1620", "810", "120", "1500"), ("/watchlist", "1", "80.5", "80.5", "80.5", "80.5")],
            answer.Rows.Select(row => (row["path"], row["n"], row["total"], row["mean"], row["low"], row["high"])));
    }

    [Fact]
    public async Task Stats_rows_list_groups_then_aggregates_and_have_no_ptr()
    {
        var answer = await _engine.QueryAsync("filter ispresent(method) | stats count(*) by method");

        Assert.All(answer.Response.Results!, row => Assert.Equal(["method", "count(*)"], row.Select(field => field.Field)));
    }

    [Fact]
    public async Task Count_of_a_field_counts_the_events_that_have_it()
    {
        var answer = await _engine.QueryAsync("stats count() as events, count(user_id) as with_user, count_distinct(user_id) as users");

        var row = Assert.Single(answer.Rows);
        Assert.Equal(("6", "3", "2"), (row["events"], row["with_user"], row["users"]));
    }

    [Fact]
    public async Task Pct_is_the_nearest_rank_percentile_and_stddev_the_sample_deviation()
    {
        var engine = new LogEngine();
        engine.Put([.. new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }.Select(v => $$"""{"v":{{v}}}""")]);

        var answer = await engine.QueryAsync("stats pct(v, 50) as p50, pct(v, 90) as p90, pct(v, 100) as p100, stddev(v) as sd");

        var row = Assert.Single(answer.Rows);
        Assert.Equal(("5", "9", "10"), (row["p50"], row["p90"], row["p100"]));
        Assert.Equal(Math.Sqrt(82.5 / 9), double.Parse(row["sd"], System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public async Task Arithmetic_on_aggregates_is_computed_per_group()
    {
        var answer = await _engine.QueryAsync("filter ispresent(status_code) | stats sum(response_time_ms) / count() as mean_ms");

        Assert.Equal("432.625", Assert.Single(answer.Rows)["mean_ms"]);
    }

    [Fact]
    public async Task Stats_without_by_over_nothing_gives_a_zero_count()
    {
        var answer = await _engine.QueryAsync("filter status_code = 999 | stats count() as n, avg(response_time_ms) as mean");

        Assert.Equal(new Dictionary<string, string> { ["n"] = "0" }, Assert.Single(answer.Rows));
    }

    [Fact]
    public async Task Stats_by_bin_groups_events_into_periods()
    {
        var answer = await _engine.QueryAsync("stats count() as n by bin(2m) as period | sort period");

        Assert.Equal([("2026-11-20 05:00:00.000", "2"), ("2026-11-20 05:02:00.000", "2"), ("2026-11-20 05:04:00.000", "2")],
            answer.Rows.Select(row => (row["period"], row["n"])));
    }

    [Fact]
    public async Task A_second_stats_aggregates_the_first()
    {
        var answer = await _engine.QueryAsync("filter ispresent(path) | stats count() as n by path | stats max(n) as busiest");

        Assert.Equal("2", Assert.Single(answer.Rows)["busiest"]);
    }

    [Fact]
    public async Task Parse_with_a_glob_sets_one_field_per_star()
    {
        var answer = await _engine.QueryAsync("parse @message \"GET * * *ms\" as route, code, took | filter ispresent(route) | fields route, code, took");

        var row = Assert.Single(answer.Rows);
        Assert.Equal(("/healthz", "200", "3"), (row["route"], row["code"], row["took"]));
    }

    [Fact]
    public async Task Parse_with_a_regex_sets_its_named_groups()
    {
        var answer = await _engine.QueryAsync("parse path /\\/stocks\\/(?<ticker>\\d{4})/ | filter ispresent(ticker) | fields ticker");

        Assert.Equal(["7203"], answer.Column("ticker"));
    }

    [Fact]
    public async Task Dedup_keeps_the_first_event_of_each_value()
    {
        var answer = await _engine.QueryAsync("filter ispresent(path) | sort @timestamp desc | dedup path | fields path, @timestamp");

        Assert.Equal(
            [("/stocks/search", KessanLines.Shown(4)), ("/watchlist", KessanLines.Shown(2)), ("/stocks/7203", KessanLines.Shown(1))],
            answer.Rows.Select(row => (row["path"], row["@timestamp"])));
    }

    [Fact]
    public async Task Comments_run_to_the_end_of_their_line()
    {
        var answer = await _engine.QueryAsync("""
            # errors only
            filter level = "error" # the structlog level
            | fields error_type
            """);

        Assert.Equal(["DatabaseError"], answer.Column("error_type"));
    }

    [Fact]
    public async Task Keywords_and_functions_are_case_insensitive()
    {
        var answer = await _engine.QueryAsync("FILTER level = \"error\" | STATS COUNT(*) AS n");

        Assert.Equal("1", Assert.Single(answer.Rows)["n"]);
    }

    public void Dispose() => _engine.Dispose();
}
