using System.Runtime.CompilerServices;

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

    private static async IAsyncEnumerable<TResponse> PagesAsync<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TRequest, string, TRequest> withToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? sent = null;
        while (true)
        {
            var page = await call(request, cancellationToken);
            yield return page;

            // A token equal to the one just sent would ask for the same page forever.
            if (nextToken(page) is not { Length: > 0 } token || token == sent)
            {
                yield break;
            }

            request = withToken(request, token);
            sent = token;
        }
    }

    private static async IAsyncEnumerable<TItem> ItemsAsync<TResponse, TItem>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, IReadOnlyList<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }
        }
    }
}
