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

    private Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        transport.SendAsync(AwsJsonProtocol.CloudWatch, operation, request, requestType, responseType, cancellationToken);
}
