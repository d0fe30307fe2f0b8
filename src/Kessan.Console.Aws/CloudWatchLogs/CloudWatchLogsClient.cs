using System.Text.Json.Serialization.Metadata;
using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws.CloudWatchLogs;

/// <summary>CloudWatch Logs over AWS JSON 1.1: each operation is its name and its request/response shapes.</summary>
internal sealed class CloudWatchLogsClient(AwsJsonTransport transport) : ICloudWatchLogs
{
    private static CloudWatchLogsJsonContext Json => CloudWatchLogsJsonContext.Default;

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken) =>
        SendAsync("CreateLogGroup", request, Json.CreateLogGroupRequest, Json.EmptyResponse, cancellationToken);

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken) =>
        SendAsync("CreateLogStream", request, Json.CreateLogStreamRequest, Json.EmptyResponse, cancellationToken);

    public Task<PutLogEventsResponse> PutLogEventsAsync(PutLogEventsRequest request, CancellationToken cancellationToken) =>
        SendAsync("PutLogEvents", request, Json.PutLogEventsRequest, Json.PutLogEventsResponse, cancellationToken);

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        SendAsync("DescribeLogGroups", request, Json.DescribeLogGroupsRequest, Json.DescribeLogGroupsResponse, cancellationToken);

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        SendAsync("FilterLogEvents", request, Json.FilterLogEventsRequest, Json.FilterLogEventsResponse, cancellationToken);

    public Task<StartQueryResponse> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken) =>
        SendAsync("StartQuery", request, Json.StartQueryRequest, Json.StartQueryResponse, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        SendAsync("GetQueryResults", request, Json.GetQueryResultsRequest, Json.GetQueryResultsResponse, cancellationToken);

    public Task<StopQueryResponse> StopQueryAsync(StopQueryRequest request, CancellationToken cancellationToken) =>
        SendAsync("StopQuery", request, Json.StopQueryRequest, Json.StopQueryResponse, cancellationToken);

    public Task<GetLogRecordResponse> GetLogRecordAsync(GetLogRecordRequest request, CancellationToken cancellationToken) =>
        SendAsync("GetLogRecord", request, Json.GetLogRecordRequest, Json.GetLogRecordResponse, cancellationToken);

    public Task<DescribeQueriesResponse> DescribeQueriesAsync(DescribeQueriesRequest request, CancellationToken cancellationToken) =>
        SendAsync("DescribeQueries", request, Json.DescribeQueriesRequest, Json.DescribeQueriesResponse, cancellationToken);

    private Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        transport.SendAsync(AwsJsonProtocol.CloudWatchLogs, operation, request, requestType, responseType, MalformedQueryException.Read, cancellationToken);
}
