using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Insights;
using MalformedQueryException = Kessan.LocalCloud.Logs.MalformedQueryException;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class MalformedQueryTests : IDisposable
{
    private readonly LogEngine _engine = KessanLines.Engine();

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("   \n  ", 1, 1)]
    [InlineData("fields @timestamp |", 1, 20)]
    [InlineData("fields @timestamp\n| sortt @timestamp", 2, 3)]
    [InlineData("fields a,\n  b,\n  c d", 3, 5)]
    [InlineData("filter status_code >", 1, 21)]
    [InlineData("filter x = \"unterminated", 1, 12)]
    [InlineData("filter @message like /(/", 1, 22)]
    [InlineData("fields nosuch(path)", 1, 8)]
    [InlineData("filter count() > 1", 1, 8)]
    [InlineData("stats path", 1, 7)]
    [InlineData("stats count() as n by path\n| sort path, avg desc", 2, 14)]
    [InlineData("fields @timestamp\n| limit 10001", 2, 9)]
    [InlineData("fields @timestamp\n| limit 0", 2, 9)]
    [InlineData("fields bin(5)", 1, 12)]
    [InlineData("stats sum(count())", 1, 11)]
    [InlineData("filter 5x > 1", 1, 9)]
    [InlineData("parse @message \"* *\" as one", 1, 16)]
    [InlineData("filter a ; b", 1, 10)]
    public void A_malformed_query_is_refused_at_its_line_and_column(string query, int line, int column)
    {
        var error = Refuse(query);

        Assert.Contains($"line {line}, column {column}:", error.Message);
    }

    [Fact]
    public void The_seeds_time_filter_is_refused_at_the_period_saying_where_the_window_comes_from()
    {
        var error = Refuse("""
            fields @timestamp, @message, error_type, error_message, user_id
            | filter @timestamp > @timestamp - 1h
            | filter @message like /application_error/
            | sort @timestamp desc
            """);

        Assert.StartsWith("Query is malformed at line 2, column 36: a time period such as 1h can only be the period of bin()", error.Message);
        Assert.Contains("time range", error.Message);
    }

    [Fact]
    public void The_seeds_sort_by_an_unnamed_average_is_refused_at_the_name_with_a_hint()
    {
        var error = Refuse("""
            filter @message like /api_request/
            | stats avg(response_time_ms), max(response_time_ms), count() by path
            | sort avg desc
            """);

        Assert.Equal(
            "Query is malformed at line 3, column 8: avg is not a field after stats, which gives path, avg(response_time_ms), max(response_time_ms), count(); name an aggregate with as (avg(x) as avg_x) to refer to it",
            error.Message);
    }

    [Fact]
    public void The_error_carries_the_character_offsets_of_the_problem()
    {
        var error = Refuse("fields @timestamp\n| limit 10001");

        Assert.Equal("MalformedQueryException", error.Type);
        Assert.Equal(
            new QueryCompileError(new QueryCompileErrorLocation(26, 30), "limit takes a whole number of rows from 1 to 10000"),
            error.QueryCompileError);
    }

    [Fact]
    public void An_unexpected_token_is_named_with_what_was_expected()
    {
        var error = Refuse("fields @timestamp\n| sortt @timestamp");

        Assert.Contains("unexpected identifier `sortt`", error.Message);
        Assert.Contains("`sort`", error.Message);
    }

    private MalformedQueryException Refuse(string query) =>
        Assert.Throws<MalformedQueryException>(() => _engine.StartQuery(query));

    public void Dispose() => _engine.Dispose();
}
