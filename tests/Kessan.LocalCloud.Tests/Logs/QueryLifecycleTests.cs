using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class QueryLifecycleTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly HeldCheckpoints _checkpoints = new();
    private readonly LogEngine _engine;

    public QueryLifecycleTests()
    {
        _engine = new LogEngine(new LogsOptions { MaxConcurrentQueries = 2, QueryTimeout = TimeSpan.FromMinutes(5) }, _checkpoints, chunkSize: 2);
        _engine.Put([.. Enumerable.Range(0, 10).Select(i => $$"""{"event":"api_request","n":{{i}}}""")]);
    }

    [Fact]
    public async Task A_query_is_Scheduled_until_it_starts_scanning()
    {
        var id = _engine.StartQuery("stats count() as n");
        await _checkpoints.Start.ReachedAsync();

        Assert.Equal(QueryStatus.Scheduled, _engine.Results(id).Status);
    }

    [Fact]
    public async Task A_running_query_shows_partial_results_and_statistics()
    {
        _checkpoints.Start.Open();
        var id = _engine.StartQuery("stats count() as n");
        await _checkpoints.Chunk.ReachedAsync();

        var partial = _engine.Results(id);

        Assert.Equal((QueryStatus.Running, "2", 2.0, 2.0), (partial.Status, partial.Rows.Single()["n"], partial.Statistics.RecordsScanned, partial.Statistics.RecordsMatched));
    }

    [Fact]
    public async Task A_query_let_go_completes_with_every_event_counted()
    {
        _checkpoints.Start.Open();
        _checkpoints.Chunk.Open();
        var id = _engine.StartQuery("stats count() as n");
        await _engine.Queries.Find(id)!.Finished.WaitAsync(Deadline);

        var answer = _engine.Results(id);

        Assert.Equal((QueryStatus.Complete, "10", 10.0), (answer.Status, answer.Rows.Single()["n"], answer.Statistics.RecordsScanned));
        Assert.True(answer.Statistics.BytesScanned > 0);
    }

    [Fact]
    public async Task StopQuery_cancels_a_running_query_and_keeps_its_partial_results()
    {
        _checkpoints.Start.Open();
        var id = _engine.StartQuery("stats count() as n");
        await _checkpoints.Chunk.ReachedAsync();

        var stopped = _engine.QueryOperations.StopQuery(new StopQueryRequest(id), CancellationToken.None);
        await _engine.Queries.Find(id)!.Finished.WaitAsync(Deadline);

        Assert.Equal((true, QueryStatus.Cancelled, "2"), (stopped.Success, _engine.Results(id).Status, _engine.Results(id).Rows.Single()["n"]));
    }

    [Fact]
    public async Task StopQuery_after_the_query_finished_reports_no_success()
    {
        _checkpoints.Start.Open();
        _checkpoints.Chunk.Open();
        var id = _engine.StartQuery("fields @timestamp");
        await _engine.Queries.Find(id)!.Finished.WaitAsync(Deadline);

        var stopped = _engine.QueryOperations.StopQuery(new StopQueryRequest(id), CancellationToken.None);

        Assert.Equal((false, QueryStatus.Complete), (stopped.Success, _engine.Results(id).Status));
    }

    [Fact]
    public async Task A_query_still_running_at_the_timeout_ends_with_Timeout()
    {
        _checkpoints.Start.Open();
        var id = _engine.StartQuery("stats count() as n");
        await _checkpoints.Chunk.ReachedAsync();

        _engine.Clock.Advance(TimeSpan.FromMinutes(5));
        await _engine.Queries.Find(id)!.Finished.WaitAsync(Deadline);

        Assert.Equal(QueryStatus.Timeout, _engine.Results(id).Status);
    }

    [Fact]
    public void A_query_beyond_the_concurrency_limit_is_LimitExceededException()
    {
        _engine.StartQuery("fields @timestamp");
        _engine.StartQuery("fields @timestamp");

        var error = Assert.Throws<AwsServiceException>(() => _engine.StartQuery("fields @timestamp"));

        Assert.Equal((400, "LimitExceededException"), (error.StatusCode, error.Type));
        Assert.Contains("concurrency limit of [2]", error.Message);
    }

    [Fact]
    public async Task A_stopped_query_frees_its_place_under_the_limit()
    {
        var first = _engine.StartQuery("fields @timestamp");
        _engine.StartQuery("fields @timestamp");
        _engine.QueryOperations.StopQuery(new StopQueryRequest(first), CancellationToken.None);
        await _engine.Queries.Find(first)!.Finished.WaitAsync(Deadline);

        var third = _engine.StartQuery("fields @timestamp");

        Assert.Equal(QueryStatus.Scheduled, _engine.Results(third).Status);
    }

    [Fact]
    public void A_log_group_that_does_not_exist_is_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.StartQuery("fields @timestamp", groups: "/kessan/nowhere"));

        Assert.Equal(("ResourceNotFoundException", "Log group '/kessan/nowhere' does not exist for account ID '000000000000'."), (error.Type, error.Message));
    }

    [Fact]
    public void A_start_after_the_end_is_InvalidParameterException()
    {
        var error = Assert.Throws<AwsServiceException>(() =>
            _engine.StartQuery("fields @timestamp", from: LogEngine.Start.AddHours(1), to: LogEngine.Start));

        Assert.Equal("InvalidParameterException", error.Type);
        Assert.Contains("must not be before startTime", error.Message);
    }

    [Fact]
    public void Results_of_an_unknown_query_are_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Results("no-such-query"));

        Assert.Equal("ResourceNotFoundException", error.Type);
    }

    [Fact]
    public async Task DescribeQueries_lists_queries_newest_first_with_their_status()
    {
        _checkpoints.Start.Open();
        _checkpoints.Chunk.Open();
        var first = _engine.StartQuery("fields @timestamp");
        await _engine.Queries.Find(first)!.Finished.WaitAsync(Deadline);
        _engine.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = _engine.StartQuery("stats count()");
        await _engine.Queries.Find(second)!.Finished.WaitAsync(Deadline);

        var described = _engine.QueryOperations.DescribeQueries(new DescribeQueriesRequest { Status = QueryStatus.Complete }, CancellationToken.None);

        Assert.Equal(
            [(second, "stats count()", LogEngine.Group), (first, "fields @timestamp", LogEngine.Group)],
            described.Queries!.Select(query => (query.QueryId, query.QueryString, query.LogGroupName)));
    }

    public void Dispose() => _engine.Dispose();
}
