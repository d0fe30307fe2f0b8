using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class ResultLimitTests : IDisposable
{
    private readonly LogEngine _engine = new();

    public ResultLimitTests() =>
        _engine.Put([.. Enumerable.Range(0, 1_200).Select(i => new InputLogEvent(LogEngine.Start.AddSeconds(i), $"event {i}"))]);

    [Fact]
    public async Task Without_a_limit_a_query_returns_1000_rows()
    {
        var answer = await _engine.QueryAsync("fields @message");

        Assert.Equal(1_000, answer.Rows.Count);
    }

    [Fact]
    public async Task StartQuerys_limit_sets_how_many_rows_come_back()
    {
        var answer = await _engine.QueryAsync("fields @message", limit: 1_100);

        Assert.Equal(1_100, answer.Rows.Count);
    }

    [Fact]
    public async Task A_limit_command_may_ask_for_more_than_the_default()
    {
        var answer = await _engine.QueryAsync("fields @message | limit 1200");

        Assert.Equal(1_200, answer.Rows.Count);
    }

    [Fact]
    public async Task A_sorted_query_keeps_the_rows_that_sort_first()
    {
        var answer = await _engine.QueryAsync("fields @message | sort @timestamp asc | limit 3");

        Assert.Equal(["event 0", "event 1", "event 2"], answer.Column("@message"));
    }

    [Fact]
    public async Task A_query_that_only_filters_returns_the_newest_events_first()
    {
        var answer = await _engine.QueryAsync("fields @message", limit: 2);

        Assert.Equal(["event 1199", "event 1198"], answer.Column("@message"));
    }

    [Fact]
    public async Task Results_page_with_maxItems_and_nextToken()
    {
        var id = _engine.StartQuery("fields @message | sort @timestamp asc | limit 5");
        await _engine.Queries.Find(id)!.Finished.WaitAsync(TimeSpan.FromSeconds(20));

        var first = _engine.QueryOperations.GetQueryResults(new GetQueryResultsRequest { QueryId = id, MaxItems = 3 }, CancellationToken.None);
        var second = _engine.QueryOperations.GetQueryResults(new GetQueryResultsRequest { QueryId = id, MaxItems = 3, NextToken = first.NextToken }, CancellationToken.None);

        Assert.Equal(["event 0", "event 1", "event 2"], new QueryAnswer(first).Column("@message"));
        Assert.Equal(["event 3", "event 4"], new QueryAnswer(second).Column("@message"));
        Assert.Null(second.NextToken);
    }

    public void Dispose() => _engine.Dispose();
}
