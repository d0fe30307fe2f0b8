using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Dashboards;
using Kessan.LocalCloud.Protocol;
using Kessan.LocalCloud.Retention;

namespace Kessan.LocalCloud.Metrics;

/// <summary>Wires the CloudWatch JSON 1.0 endpoint (<c>POST /</c>) and its engines.</summary>
public static class CloudWatchApi
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";

    public static IServiceCollection AddCloudWatchApi(this IServiceCollection services)
    {
        services.AddSingleton<MetricStore>();
        services.AddSingleton<IMetricSink>(provider => provider.GetRequiredService<MetricStore>());
        services.AddRetention<MetricStore>();
        services.AddSingleton<GetMetricDataOperation>();
        services.AddSingleton<ListMetricsOperation>();
        services.AddSingleton<PutMetricDataOperation>();
        services.AddSingleton<DashboardOperations>();
        services.AddAwsJsonService(Describe);
        return services;
    }

    /// <summary>Adds operations to CloudWatch's table from another feature (the alarm operations come this way).</summary>
    public static IServiceCollection AddCloudWatchOperations(
        this IServiceCollection services, Func<IServiceProvider, JsonSerializerOptions, IEnumerable<AwsOperation>> operations) =>
        services.AddSingleton(new CloudWatchOperationSource(operations));

    /// <summary>Maps the shared AWS JSON endpoint, which also serves any other registered service.</summary>
    public static IEndpointRouteBuilder MapCloudWatchApi(this IEndpointRouteBuilder endpoints) => endpoints.MapAwsJsonEndpoint();

    private static AwsJsonService Describe(IServiceProvider services)
    {
        var json = AwsJsonService.SerializerOptions(CloudWatchJsonContext.Default);
        var getMetricData = services.GetRequiredService<GetMetricDataOperation>();
        var listMetrics = services.GetRequiredService<ListMetricsOperation>();
        var putMetricData = services.GetRequiredService<PutMetricDataOperation>();
        var dashboards = services.GetRequiredService<DashboardOperations>();
        return new AwsJsonService
        {
            TargetPrefix = TargetPrefix,
            ContentType = "application/x-amz-json-1.0",
            SigningName = "monitoring",
            QueryCompatible = true,
            MissingParameter = CloudWatchErrors.MissingParameter,
            InternalFailure = CloudWatchErrors.InternalServiceError,
            Operations = AwsOperation.Table(
            [
                AwsOperation.Create<GetMetricDataRequest, GetMetricDataResponse>("GetMetricData", json, getMetricData.Handle),
                AwsOperation.Create<ListMetricsRequest, ListMetricsResponse>("ListMetrics", json, listMetrics.Handle),
                AwsOperation.Create<PutMetricDataRequest, EmptyResponse>("PutMetricData", json, putMetricData.Handle),
                AwsOperation.Create<ListDashboardsRequest, ListDashboardsResponse>("ListDashboards", json, dashboards.List),
                AwsOperation.Create<GetDashboardRequest, GetDashboardResponse>("GetDashboard", json, dashboards.Get),
                AwsOperation.Create<PutDashboardRequest, PutDashboardResponse>("PutDashboard", json, dashboards.Put),
                .. services.GetServices<CloudWatchOperationSource>().SelectMany(source => source.Create(services, json)),
            ]),
        };
    }

    private sealed record CloudWatchOperationSource(Func<IServiceProvider, JsonSerializerOptions, IEnumerable<AwsOperation>> Create);
}
