namespace Kessan.Console.Aws.CloudWatchLogs;

/// <summary>The CloudWatch Logs operations the console uses. One call is one HTTP exchange (after retries);
/// pagination and query polling live beside it as extension methods (<see cref="CloudWatchLogsPagination"/>).</summary>
public interface ICloudWatchLogs
{
    Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken);
    Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken);
    Task<PutLogEventsResponse> PutLogEventsAsync(PutLogEventsRequest request, CancellationToken cancellationToken);
    Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken);
    Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken);
    Task<StartQueryResponse> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken);
    Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken);
    Task<StopQueryResponse> StopQueryAsync(StopQueryRequest request, CancellationToken cancellationToken);
    Task<GetLogRecordResponse> GetLogRecordAsync(GetLogRecordRequest request, CancellationToken cancellationToken);
    Task<DescribeQueriesResponse> DescribeQueriesAsync(DescribeQueriesRequest request, CancellationToken cancellationToken);
}
