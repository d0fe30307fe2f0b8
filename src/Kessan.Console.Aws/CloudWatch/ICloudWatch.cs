namespace Kessan.Console.Aws.CloudWatch;

/// <summary>The CloudWatch operations the console uses. One call is one HTTP exchange (after retries);
/// pagination helpers live beside it as extension methods.</summary>
public interface ICloudWatch
{
    Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken);
    Task<ListMetricsResponse> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken);
    Task<ListDashboardsResponse> ListDashboardsAsync(ListDashboardsRequest request, CancellationToken cancellationToken);
    Task<GetDashboardResponse> GetDashboardAsync(GetDashboardRequest request, CancellationToken cancellationToken);
    Task<PutDashboardResponse> PutDashboardAsync(PutDashboardRequest request, CancellationToken cancellationToken);
    Task PutMetricDataAsync(PutMetricDataRequest request, CancellationToken cancellationToken);
    Task PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken);
    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken);
    Task<DescribeAlarmHistoryResponse> DescribeAlarmHistoryAsync(DescribeAlarmHistoryRequest request, CancellationToken cancellationToken);
    Task SetAlarmStateAsync(SetAlarmStateRequest request, CancellationToken cancellationToken);
    Task DeleteAlarmsAsync(DeleteAlarmsRequest request, CancellationToken cancellationToken);
}
