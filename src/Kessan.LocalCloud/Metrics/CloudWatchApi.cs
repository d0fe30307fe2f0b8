namespace Kessan.LocalCloud.Metrics;

/// <summary>Wires the CloudWatch JSON 1.0 endpoint (<c>POST /</c>) and its engines.</summary>
public static class CloudWatchApi
{
    public static IServiceCollection AddCloudWatchApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCloudWatchApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
