using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kessan.LocalCloud.Protocol;

/// <summary>Registers AWS JSON services and maps their shared endpoint.</summary>
public static class AwsJsonRegistration
{
    /// <summary>Adds a service to the shared endpoint; CloudWatch Logs plugs in the same way as CloudWatch.</summary>
    public static IServiceCollection AddAwsJsonService(this IServiceCollection services, Func<IServiceProvider, AwsJsonService> create)
    {
        services.TryAddSingleton<AwsJsonEndpoint>();
        services.TryAddSingleton<SignatureVerifier>();
        services.AddSingleton(create);
        return services;
    }

    /// <summary>Maps <c>POST /</c> for every registered service. Map it once, whatever number of services.</summary>
    public static IEndpointRouteBuilder MapAwsJsonEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var endpoint = endpoints.ServiceProvider.GetRequiredService<AwsJsonEndpoint>();
        endpoints.MapPost("/", endpoint.HandleAsync);
        return endpoints;
    }
}
