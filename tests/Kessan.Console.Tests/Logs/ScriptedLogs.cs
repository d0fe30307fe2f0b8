using System.Collections.Concurrent;
using System.Net;
using Kessan.Console.Aws;
using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.Console.Tests.Logs;

/// <summary>A CloudWatch Logs that answers StartQuery with <see cref="Rows"/> (Complete at once), or fails it with
/// <see cref="StartFailure"/>; the histogram query (<c>stats count(*)</c>) gets no rows. Records every query started.</summary>
public sealed class ScriptedLogs : ICloudWatchLogs
{
    private readonly ConcurrentDictionary<string, StartQueryRequest> _queries = new();

    public List<string> Groups { get; } = ["/kessan/test/api"];

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; set; } = [];

    public Func<StartQueryRequest, Exception?> StartFailure { get; set; } = _ => null;

    public Dictionary<string, string> Records { get; } = [];

    public IEnumerable<StartQueryRequest> Started => _queries.Values;

    /// <summary>MalformedQueryException as CloudWatch Logs sends it, with the offsets of the characters at fault.</summary>
    public static MalformedQueryException Malformed(int start, int end, string message) =>
        new("StartQuery", message, HttpStatusCode.BadRequest, "req-1", new QueryCompileError(new QueryCompileErrorLocation(start, end), message));

    public static AwsServiceException NotFound(string message) =>
        new(AwsService.CloudWatchLogs, "StartQuery", "ResourceNotFoundException", message, HttpStatusCode.BadRequest, "req-2");

    public Task<StartQueryResponse> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken)
    {
        if (StartFailure(request) is { } failure)
        {
            return Task.FromException<StartQueryResponse>(failure);
        }
        var id = Guid.NewGuid().ToString();
        _queries[id] = request;
        return Task.FromResult(new StartQueryResponse(id));
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken)
    {
        var rows = _queries[request.QueryId].QueryString.Contains("count(*)", StringComparison.Ordinal) ? [] : Rows;
        return Task.FromResult(new GetQueryResultsResponse
        {
            Status = QueryStatus.Complete,
            Results = [.. rows.Select(row => (IReadOnlyList<ResultField>)[.. row.Select(pair => new ResultField(pair.Key, pair.Value))])],
            Statistics = new QueryStatistics { RecordsMatched = rows.Count, RecordsScanned = rows.Count * 10, BytesScanned = 1000 },
        });
    }

    public Task<GetLogRecordResponse> GetLogRecordAsync(GetLogRecordRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetLogRecordResponse { LogRecord = new Dictionary<string, string> { ["@message"] = Records[request.LogRecordPointer] } });

    /// <summary>Completes when DescribeLogGroups may answer; already complete unless a test holds the listing back.</summary>
    public TaskCompletionSource GroupsListed { get; set; } = CompletedSource();

    public async Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken)
    {
        await GroupsListed.Task.WaitAsync(cancellationToken);
        return new DescribeLogGroupsResponse { LogGroups = [.. Groups.Select(name => new LogGroup { LogGroupName = name })] };
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    public Task<StopQueryResponse> StopQueryAsync(StopQueryRequest request, CancellationToken cancellationToken) => Task.FromResult(new StopQueryResponse(true));

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PutLogEventsResponse> PutLogEventsAsync(PutLogEventsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DescribeQueriesResponse> DescribeQueriesAsync(DescribeQueriesRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
}
