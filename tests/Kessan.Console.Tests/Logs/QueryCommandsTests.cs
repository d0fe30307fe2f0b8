using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Core.Logs;
using Kessan.Console.Features.Logs.Running;

namespace Kessan.Console.Tests.Logs;

public sealed class QueryCommandsTests
{
    [Fact]
    public void Pipes_inside_strings_regexes_and_comments_do_not_split_commands()
    {
        var commands = QueryCommands.Split("fields @message # a | b\n| filter @message like /GET|POST/ and path = \"a|b\" | limit 5");

        Assert.Equal(["fields @message # a | b", "filter @message like /GET|POST/ and path = \"a|b\"", "limit 5"], commands);
    }

    [Fact]
    public void A_slash_between_operands_divides()
    {
        Assert.Equal(["fields a / b as ratio", "limit 1"], QueryCommands.Split("fields a / b as ratio | limit 1"));
    }

    [Fact]
    public void The_histogram_counts_what_the_filters_match_before_any_stats_sort_or_limit()
    {
        var histogram = QueryCommands.Histogram(SeedQueries.ApiPerformance.QueryString, 300);

        Assert.Equal(
            "fields @timestamp, path, response_time_ms, status_code\n| filter @message like /api_request/\n| filter response_time_ms > 1000\n| stats count(*) as events by bin(300s) as bin",
            histogram);
    }

    [Fact]
    public void The_histogram_bins_read_back_as_points_in_time_order()
    {
        var points = LogHistogram.Points(LogResults.From(
        [
            [new ResultField("bin", "2026-11-20 05:05:00.000"), new ResultField("events", "3")],
            [new ResultField("bin", "2026-11-20 05:00:00.000"), new ResultField("events", "7")],
        ]));

        Assert.Equal([(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero), 7d), (new DateTimeOffset(2026, 11, 20, 5, 5, 0, TimeSpan.Zero), 3d)], points);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(18, 2, 1)]
    [InlineData(27, 2, 10)]
    public void An_error_offset_reads_as_line_and_column(int offset, int line, int column)
    {
        var position = QueryErrorPosition.Of("fields @timestamp\n| filter x >> 1", new QueryCompileErrorLocation(offset, offset));

        Assert.Equal((line, column), (position!.Line, position.Column));
    }
}
