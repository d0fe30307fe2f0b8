using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class FilterLogEventsTests : IDisposable
{
    private readonly LogEngine _engine = KessanLines.Engine();

    [Theory]
    [InlineData("", new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData("api_request", new[] { 0, 1, 2, 4 })]
    [InlineData("api_request GET", new[] { 0, 1, 4 })]
    [InlineData("?healthz ?DatabaseError", new[] { 3, 5 })]
    [InlineData("api_request -search", new[] { 1, 2 })]
    [InlineData("\"GET /healthz\"", new[] { 5 })]
    [InlineData("get", new int[0])]
    public void Terms_match_events_containing_them(string pattern, int[] expected)
    {
        Assert.Equal(expected, Filter(pattern));
    }

    [Theory]
    [InlineData("{ $.level = \"error\" }", new[] { 3 })]
    [InlineData("{ $.level = error }", new[] { 3 })]
    [InlineData("{ $.status_code >= 400 }", new[] { 1, 4 })]
    [InlineData("{ $.status_code = 201 }", new[] { 2 })]
    [InlineData("{ $.response_time_ms < 100 }", new[] { 1, 2 })]
    [InlineData("{ $.path = \"/stocks/*\" }", new[] { 0, 1, 4 })]
    [InlineData("{ $.path != \"/watchlist\" }", new[] { 0, 1, 4 })]
    [InlineData("{ $.path = \"*/*7*\" }", new[] { 1 })]
    [InlineData("{ $.path = \"/stocks/search*search\" }", new int[0])]
    [InlineData("{ $.path = \"/stocks/7203\" }", new[] { 1 })]
    [InlineData("{ $.path = \"/stocks/720\" }", new int[0])]
    [InlineData("{ $.error_message = \"pool*exhausted\" }", new[] { 3 })]
    [InlineData("{ $.status_code = \"40*\" }", new[] { 1 })]
    [InlineData("{ $.response_time_ms = \"80.5\" }", new[] { 2 })]
    [InlineData("{ $.user_id > 8 }", new[] { 4 })]
    [InlineData("{ $.method = \"GET\" && $.status_code = 200 }", new[] { 0 })]
    [InlineData("{ $.status_code = 500 || $.level = \"error\" }", new[] { 3, 4 })]
    [InlineData("{ ($.status_code = 404 || $.status_code = 500) && $.method = \"GET\" }", new[] { 1, 4 })]
    [InlineData("{ $.context.path = \"/stocks/search\" }", new[] { 3 })]
    [InlineData("{ $.context.tags[0] = \"db\" }", new[] { 3 })]
    [InlineData("{ $.user_id IS NULL }", new[] { 1, 3 })]
    [InlineData("{ $.error_type NOT EXISTS }", new[] { 0, 1, 2, 4 })]
    public void JSON_patterns_match_the_fields_of_JSON_events(string pattern, int[] expected)
    {
        Assert.Equal(expected, Filter(pattern));
    }

    [Theory]
    [InlineData("{ $.level = \"error\"")]
    [InlineData("{ level = \"error\" }")]
    [InlineData("{ $.level > \"error\" }")]
    [InlineData("{ $.level \"error\" }")]
    public void A_malformed_JSON_pattern_is_InvalidParameterException(string pattern)
    {
        var error = Assert.Throws<AwsServiceException>(() => Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, FilterPattern = pattern }));

        Assert.Equal("InvalidParameterException", error.Type);
        Assert.StartsWith("Invalid filter pattern:", error.Message);
    }

    [Fact]
    public void Events_of_all_streams_come_in_timestamp_order()
    {
        _engine.Put([new InputLogEvent(LogEngine.Minute(2.5), "other stream")], stream: "second");

        var events = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group }).Events!;

        Assert.Equal(
            [LogEngine.Stream, LogEngine.Stream, LogEngine.Stream, "second", LogEngine.Stream, LogEngine.Stream, LogEngine.Stream],
            events.Select(e => e.LogStreamName));
    }

    [Fact]
    public void The_time_range_includes_both_ends()
    {
        var events = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, StartTime = LogEngine.Minute(1), EndTime = LogEngine.Minute(3) }).Events!;

        Assert.Equal([LogEngine.Minute(1), LogEngine.Minute(2), LogEngine.Minute(3)], events.Select(e => e.Timestamp!.Value));
    }

    [Fact]
    public void Pages_follow_nextToken_until_every_event_is_returned()
    {
        var pages = Pages(new FilterLogEventsRequest { LogGroupIdentifier = LogEngine.Group, Limit = 4 });

        Assert.Equal(2, pages.Count);
        Assert.Equal(KessanLines.Messages, pages.SelectMany(page => page));
    }

    [Fact]
    public void Pages_of_events_put_out_of_order_come_in_timestamp_then_put_order()
    {
        _engine.Put([new InputLogEvent(LogEngine.Minute(2), "second at 2"), new InputLogEvent(LogEngine.Minute(4.5), "second at 4.5")], stream: "second");
        _engine.Put([new InputLogEvent(LogEngine.Minute(0.5), "third at 0.5")], stream: "third");

        var pages = Pages(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, Limit = 3 });

        Assert.Equal(
            [
                [KessanLines.Messages[0], "third at 0.5", KessanLines.Messages[1]],
                [KessanLines.Messages[2], "second at 2", KessanLines.Messages[3]],
                [KessanLines.Messages[4], "second at 4.5", KessanLines.Messages[5]],
            ],
            pages);
    }

    [Fact]
    public void A_page_that_ends_with_the_last_match_has_no_nextToken()
    {
        var page = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, FilterPattern = "api_request", Limit = 4 });

        Assert.Equal((4, (string?)null), (page.Events!.Count, page.NextToken));
    }

    [Fact]
    public void A_page_one_short_of_the_matches_has_a_nextToken_to_the_last()
    {
        var first = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, FilterPattern = "api_request", Limit = 3 });
        var rest = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, FilterPattern = "api_request", Limit = 3, NextToken = first.NextToken });

        Assert.Equal((3, KessanLines.Messages[4], (string?)null), (first.Events!.Count, Assert.Single(rest.Events!).Message, rest.NextToken));
    }

    [Fact]
    public void Events_carry_their_ingestion_time_and_an_id()
    {
        var first = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, Limit = 1 }).Events!.Single();

        Assert.Equal((LogEngine.Start.AddHours(1), "0"), (first.IngestionTime!.Value, first.EventId));
    }

    [Fact]
    public void Stream_names_and_prefix_narrow_the_events()
    {
        _engine.Put([new InputLogEvent(LogEngine.Minute(2.5), "other stream")], stream: "second");

        var named = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, LogStreamNames = ["second"] }).Events!;
        var prefixed = Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, LogStreamNamePrefix = "kessan-api/" }).Events!;

        Assert.Equal((1, 6), (named.Count, prefixed.Count));
    }

    [Fact]
    public void A_start_after_the_end_is_InvalidParameterException()
    {
        var error = Assert.Throws<AwsServiceException>(() =>
            Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, StartTime = LogEngine.Minute(3), EndTime = LogEngine.Minute(1) }));

        Assert.Equal("InvalidParameterException", error.Type);
    }

    [Fact]
    public void An_unknown_log_group_is_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsServiceException>(() => Call(new FilterLogEventsRequest { LogGroupName = "/nowhere" }));

        Assert.Equal("ResourceNotFoundException", error.Type);
    }

    [Fact]
    public void A_log_group_given_by_ARN_is_found()
    {
        var events = Call(new FilterLogEventsRequest { LogGroupIdentifier = $"arn:aws:logs:ap-northeast-1:000000000000:log-group:{LogEngine.Group}:*" }).Events!;

        Assert.Equal(6, events.Count);
    }

    private int[] Filter(string pattern) =>
        [.. Call(new FilterLogEventsRequest { LogGroupName = LogEngine.Group, FilterPattern = pattern }).Events!
            .Select(e => Array.IndexOf(KessanLines.Messages, e.Message))];

    /// <summary>The messages of every page, following nextToken to the end.</summary>
    private List<string[]> Pages(FilterLogEventsRequest request)
    {
        var pages = new List<string[]>();
        while (true)
        {
            var page = Call(request);
            pages.Add([.. page.Events!.Select(e => e.Message!)]);
            if (page.NextToken is null)
            {
                return pages;
            }

            request = request with { NextToken = page.NextToken };
        }
    }

    private FilterLogEventsResponse Call(FilterLogEventsRequest request) => _engine.Events.FilterLogEvents(request, CancellationToken.None);

    public void Dispose() => _engine.Dispose();
}
