using static Kessan.Console.Aws.Protocol.NextTokenPaging;

namespace Kessan.Console.Aws.CloudWatch;

/// <summary>Follows <c>NextToken</c> across pages: "…Pages" yields each response, "Enumerate…" the items in them.
/// The next page is asked for only when the caller reads past the current one.</summary>
public static class CloudWatchPagination
{
    public static IAsyncEnumerable<GetMetricDataResponse> GetMetricDataPagesAsync(
        this ICloudWatch cloudWatch, GetMetricDataRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, cloudWatch.GetMetricDataAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    /// <summary>The results of every page in order. A query whose datapoints span pages appears once per page,
    /// with the same Id: merge by Id when a whole series is needed.</summary>
    public static IAsyncEnumerable<MetricDataResult> EnumerateMetricDataResultsAsync(
        this ICloudWatch cloudWatch, GetMetricDataRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(cloudWatch.GetMetricDataPagesAsync(request, cancellationToken), page => page.MetricDataResults);

    public static IAsyncEnumerable<ListMetricsResponse> ListMetricsPagesAsync(
        this ICloudWatch cloudWatch, ListMetricsRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, cloudWatch.ListMetricsAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    public static IAsyncEnumerable<Metric> EnumerateMetricsAsync(
        this ICloudWatch cloudWatch, ListMetricsRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(cloudWatch.ListMetricsPagesAsync(request, cancellationToken), page => page.Metrics);

    public static IAsyncEnumerable<ListDashboardsResponse> ListDashboardsPagesAsync(
        this ICloudWatch cloudWatch, ListDashboardsRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, cloudWatch.ListDashboardsAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    public static IAsyncEnumerable<DashboardEntry> EnumerateDashboardsAsync(
        this ICloudWatch cloudWatch, ListDashboardsRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(cloudWatch.ListDashboardsPagesAsync(request, cancellationToken), page => page.DashboardEntries);

    public static IAsyncEnumerable<DescribeAlarmsResponse> DescribeAlarmsPagesAsync(
        this ICloudWatch cloudWatch, DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, cloudWatch.DescribeAlarmsAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    public static IAsyncEnumerable<MetricAlarm> EnumerateMetricAlarmsAsync(
        this ICloudWatch cloudWatch, DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(cloudWatch.DescribeAlarmsPagesAsync(request, cancellationToken), page => page.MetricAlarms);

    public static IAsyncEnumerable<DescribeAlarmHistoryResponse> DescribeAlarmHistoryPagesAsync(
        this ICloudWatch cloudWatch, DescribeAlarmHistoryRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, cloudWatch.DescribeAlarmHistoryAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    public static IAsyncEnumerable<AlarmHistoryItem> EnumerateAlarmHistoryAsync(
        this ICloudWatch cloudWatch, DescribeAlarmHistoryRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(cloudWatch.DescribeAlarmHistoryPagesAsync(request, cancellationToken), page => page.AlarmHistoryItems);
}
