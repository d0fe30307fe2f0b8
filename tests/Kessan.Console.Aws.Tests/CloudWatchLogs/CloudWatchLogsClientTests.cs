using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.CloudWatchLogs;

public sealed class CloudWatchLogsClientTests : HarnessTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 5, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task Event_times_are_read_as_epoch_milliseconds()
    {
        Aws.Server.Reply(ScriptedReply.Ok(
            """{"events":[{"logStreamName":"s","timestamp":1795150800123,"message":"m","ingestionTime":1795150801000,"eventId":"7"}]}"""));

        var response = await Aws.CloudWatchLogs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/g" }, CancellationToken.None);

        var filtered = Assert.Single(response.Events!);
        Assert.Equal((At, At.AddMilliseconds(877), "7"), (filtered.Timestamp!.Value, filtered.IngestionTime!.Value, filtered.EventId));
    }

    [Fact]
    public async Task StartQuery_sends_its_range_in_whole_seconds()
    {
        Aws.Server.Reply(ScriptedReply.Ok("""{"queryId":"q-1"}"""));

        var started = await Aws.CloudWatchLogs.StartQueryAsync(new StartQueryRequest
        {
            LogGroupNames = ["/g"],
            StartTime = At,
            EndTime = At.AddMinutes(90),
            QueryString = "fields @timestamp",
        }, CancellationToken.None);

        var sent = Aws.Server.Requests.Single().Json!;
        Assert.Equal(("q-1", 1795150800L, 1795156200L), (started.QueryId, sent["startTime"]!.GetValue<long>(), sent["endTime"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_malformed_query_error_says_where_the_query_is_wrong()
    {
        Aws.Server.Reply(ScriptedReply.Error(400,
            """{"__type":"MalformedQueryException","message":"Query is malformed at line 2, column 3: unexpected identifier `sortt`","queryCompileError":{"location":{"startCharOffset":20,"endCharOffset":24},"message":"unexpected identifier `sortt`"}}"""));

        var error = await Assert.ThrowsAsync<MalformedQueryException>(() =>
            Aws.CloudWatchLogs.StartQueryAsync(new StartQueryRequest { LogGroupName = "/g", StartTime = At, EndTime = At, QueryString = "fields @timestamp\n| sortt @timestamp" }, CancellationToken.None));

        Assert.Equal(("MalformedQueryException", AwsService.CloudWatchLogs), (error.ErrorCode, error.Service));
        Assert.Equal(new QueryCompileError(new QueryCompileErrorLocation(20, 24), "unexpected identifier `sortt`"), error.QueryCompileError);
    }

    [Fact]
    public async Task A_malformed_query_error_without_offsets_still_carries_the_services_message()
    {
        Aws.Server.Reply(ScriptedReply.Error(400, """{"__type":"MalformedQueryException","message":"Query is malformed"}"""));

        var error = await Assert.ThrowsAsync<MalformedQueryException>(() =>
            Aws.CloudWatchLogs.StartQueryAsync(new StartQueryRequest { LogGroupName = "/g", StartTime = At, EndTime = At, QueryString = "x" }, CancellationToken.None));

        Assert.Equal(("Query is malformed", null), (error.ServiceMessage, error.QueryCompileError));
    }

    [Fact]
    public async Task Log_groups_of_every_page_are_listed_following_nextToken()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"logGroups":[{"logGroupName":"/a"},{"logGroupName":"/b"}],"nextToken":"p2"}"""),
            ScriptedReply.Ok("""{"logGroups":[{"logGroupName":"/c","creationTime":1795150800123}]}"""));

        var groups = await Aws.CloudWatchLogs.EnumerateLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = "/" }).ToListAsync();

        Assert.Equal(["/a", "/b", "/c"], groups.Select(group => group.LogGroupName));
        Assert.Equal(At, groups[^1].CreationTime);
        Assert.Equal([null, "p2"], Aws.Server.Requests.Select(sent => sent.Json?["nextToken"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Events_of_every_page_are_listed_in_order()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"events":[{"message":"one"}],"nextToken":"p2"}"""),
            ScriptedReply.Ok("""{"events":[{"message":"two"}],"nextToken":"p3"}"""),
            ScriptedReply.Ok("""{"events":[]}"""));

        var messages = await Aws.CloudWatchLogs.EnumerateLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/g", FilterPattern = "ERROR" })
            .Select(e => e.Message).ToListAsync();

        Assert.Equal(["one", "two"], messages);
        Assert.All(Aws.Server.Requests, sent => Assert.Equal("ERROR", sent.Json?["filterPattern"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Polling_a_query_yields_each_answer_until_it_is_complete()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"status":"Scheduled","results":[]}"""),
            ScriptedReply.Ok("""{"status":"Running","results":[[{"field":"n","value":"2"}]],"statistics":{"recordsScanned":2}}"""),
            ScriptedReply.Ok("""{"status":"Complete","results":[[{"field":"n","value":"10"}]],"statistics":{"recordsScanned":10}}"""));

        var polling = Aws.CloudWatchLogs.PollQueryResultsAsync("q-1", TimeSpan.FromSeconds(1), Aws.Clock).ToListAsync().AsTask();
        var waits = await Aws.AdvanceThroughBackoffAsync(polling);
        var answers = await polling;

        Assert.Equal([QueryStatus.Scheduled, QueryStatus.Running, QueryStatus.Complete], answers.Select(answer => answer.Status));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], waits);
        Assert.Equal("10", answers[^1].Results!.Single().ToDictionary()["n"]);
    }

    [Theory]
    [InlineData(QueryStatus.Complete, true)]
    [InlineData(QueryStatus.Cancelled, true)]
    [InlineData(QueryStatus.Timeout, true)]
    [InlineData(QueryStatus.Failed, true)]
    [InlineData(QueryStatus.Running, false)]
    [InlineData(QueryStatus.Scheduled, false)]
    public void A_query_is_finished_in_the_statuses_that_do_not_change(string status, bool finished)
    {
        Assert.Equal(finished, QueryStatus.IsFinished(status));
    }
}
