using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Aws.Tests.Plumbing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kessan.Console.Aws.Tests.CloudWatchLogs;

/// <summary>The Logs client against LocalCloud over real HTTP, signatures verified: the path the /logs page takes.</summary>
public sealed class LocalCloudLogsTests : IAsyncLifetime
{
    private const string Group = "/kessan/local/api";
    private const string Stream = "kessan-api/kessan-api/task";

    private readonly AwsClientBuilder _client = new();
    private SignedLocalCloud _localCloud = default!;
    private IHost _host = default!;

    private ICloudWatchLogs Logs => _host.Services.GetRequiredService<ICloudWatchLogs>();

    public async Task InitializeAsync()
    {
        _localCloud = await SignedLocalCloud.StartAsync(_client.Clock);
        _host = _client.WithEndpoint(_localCloud.Endpoint).Build();
        await Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = Group }, CancellationToken.None);
        await Logs.CreateLogStreamAsync(new CreateLogStreamRequest(Group, Stream), CancellationToken.None);
    }

    [Fact]
    public async Task A_query_started_through_the_client_runs_to_its_results()
    {
        var now = _client.Clock.GetUtcNow();
        await Logs.PutLogEventsAsync(new PutLogEventsRequest
        {
            LogGroupName = Group,
            LogStreamName = Stream,
            LogEvents =
            [
                new InputLogEvent(now.AddMinutes(-2), """{"event":"api_request","path":"/stocks/search","response_time_ms":1500}"""),
                new InputLogEvent(now.AddMinutes(-1), """{"event":"api_request","path":"/stocks/search","response_time_ms":500}"""),
            ],
        }, CancellationToken.None);

        var final = await RunAsync("stats avg(response_time_ms) as avg_ms, count() as n by path");

        Assert.Equal(QueryStatus.Complete, final.Status);
        Assert.Equal(new Dictionary<string, string> { ["path"] = "/stocks/search", ["avg_ms"] = "1000", ["n"] = "2" }, final.Results!.Single().ToDictionary());
        Assert.Equal(2, final.Statistics!.RecordsMatched);
    }

    [Fact]
    public async Task A_malformed_query_comes_back_with_its_position()
    {
        var now = _client.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<MalformedQueryException>(() => Logs.StartQueryAsync(new StartQueryRequest
        {
            LogGroupName = Group,
            StartTime = now.AddHours(-1),
            EndTime = now,
            QueryString = "fields @timestamp\n| sortt @timestamp",
        }, CancellationToken.None));

        Assert.Equal("MalformedQueryException", error.ErrorCode);
        Assert.Contains("line 2, column 3", error.ServiceMessage);
        Assert.Equal(new QueryCompileErrorLocation(20, 24), error.QueryCompileError?.Location);
    }

    [Fact]
    public async Task An_unknown_log_group_is_ResourceNotFoundException()
    {
        var now = _client.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Logs.StartQueryAsync(new StartQueryRequest
        {
            LogGroupName = "/nowhere",
            StartTime = now.AddHours(-1),
            EndTime = now,
            QueryString = "fields @timestamp",
        }, CancellationToken.None));

        Assert.Equal(("ResourceNotFoundException", System.Net.HttpStatusCode.BadRequest), (error.ErrorCode, error.HttpStatusCode));
    }

    [Fact]
    public async Task A_row_pointer_gives_back_the_whole_event()
    {
        var now = _client.Clock.GetUtcNow();
        await Logs.PutLogEventsAsync(new PutLogEventsRequest
        {
            LogGroupName = Group,
            LogStreamName = Stream,
            LogEvents = [new InputLogEvent(now.AddMinutes(-1), """{"event":"application_error","context":{"path":"/watchlist"}}""")],
        }, CancellationToken.None);
        var pointer = (await RunAsync("fields @message")).Results!.Single().ToDictionary()["@ptr"];

        var record = await Logs.GetLogRecordAsync(new GetLogRecordRequest { LogRecordPointer = pointer }, CancellationToken.None);

        Assert.Equal(("application_error", "/watchlist", Stream, $"000000000000:{Group}"),
            (record.LogRecord!["event"], record.LogRecord["context.path"], record.LogRecord["@logStream"], record.LogRecord["@log"]));
    }

    /// <summary>Starts a query over the last hour and polls it, on the fake clock, until it finishes.</summary>
    private async Task<GetQueryResultsResponse> RunAsync(string query)
    {
        var now = _client.Clock.GetUtcNow();
        var started = await Logs.StartQueryAsync(new StartQueryRequest { LogGroupNames = [Group], StartTime = now.AddHours(-1), EndTime = now, QueryString = query }, CancellationToken.None);
        var polling = Logs.PollQueryResultsAsync(started.QueryId!, TimeSpan.FromSeconds(1), _client.Clock).LastAsync().AsTask();
        await _client.Clock.AdvanceThroughBackoffAsync(polling, CloudWatchHarness.AttemptTimeout);
        return await polling;
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _localCloud.DisposeAsync();
    }
}
