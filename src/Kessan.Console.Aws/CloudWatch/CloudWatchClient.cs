using System.Text.Json.Serialization.Metadata;
using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws.CloudWatch;

/// <summary>CloudWatch over AWS JSON 1.0: each operation is its name and its request/response shapes.</summary>
internal sealed class CloudWatchClient(AwsJsonTransport transport) : ICloudWatch
{
    private static CloudWatchJsonContext Json => CloudWatchJsonContext.Default;

    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken) =>
        SendAsync("GetMetricData", request, Json.GetMetricDataRequest, Json.GetMetricDataResponse, cancellationToken);

    public Task<ListMetricsResponse> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken) =>
        SendAsync("ListMetrics", request, Json.ListMetricsRequest, Json.ListMetricsResponse, cancellationToken);

    public Task<ListDashboardsResponse> ListDashboardsAsync(ListDashboardsRequest request, CancellationToken cancellationToken) =>
        SendAsync("ListDashboards", request, Json.ListDashboardsRequest, Json.ListDashboardsResponse, cancellationToken);

    public Task<GetDashboardResponse> GetDashboardAsync(GetDashboardRequest request, CancellationToken cancellationToken) =>
        SendAsync("GetDashboard", request, Json.GetDashboardRequest, Json.GetDashboardResponse, cancellationToken);

    public Task<PutDashboardResponse> PutDashboardAsync(PutDashboardRequest request, CancellationToken cancellationToken) =>
        SendAsync("PutDashboard", request, Json.PutDashboardRequest, Json.PutDashboardResponse, cancellationToken);

    public Task PutMetricDataAsync(PutMetricDataRequest request, CancellationToken cancellationToken) =>
        SendAsync("PutMetricData", request, Json.PutMetricDataRequest, Json.EmptyResponse, cancellationToken);

    public Task PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken) =>
        SendAsync("PutMetricAlarm", request, Json.PutMetricAlarmRequest, Json.EmptyResponse, cancellationToken);

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken) =>
        SendAsync("DescribeAlarms", request, Json.DescribeAlarmsRequest, Json.DescribeAlarmsResponse, cancellationToken);

    public Task<DescribeAlarmHistoryResponse> DescribeAlarmHistoryAsync(DescribeAlarmHistoryRequest request, CancellationToken cancellationToken) =>
        SendAsync("DescribeAlarmHistory", request, Json.DescribeAlarmHistoryRequest, Json.DescribeAlarmHistoryResponse, cancellationToken);

    public Task SetAlarmStateAsync(SetAlarmStateRequest request, CancellationToken cancellationToken) =>
        SendAsync("SetAlarmState", request, Json.SetAlarmStateRequest, Json.EmptyResponse, cancellationToken);

    public Task DeleteAlarmsAsync(DeleteAlarmsRequest request, CancellationToken cancellationToken) =>
        SendAsync("DeleteAlarms", request, Json.DeleteAlarmsRequest, Json.EmptyResponse, cancellationToken);

    private Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        transport.SendAsync(AwsJsonProtocol.CloudWatch, operation, request, requestType, responseType, serviceErrors: null, cancellationToken);
}
