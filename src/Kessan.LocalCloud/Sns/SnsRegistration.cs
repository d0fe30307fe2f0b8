using Microsoft.AspNetCore.Hosting.Server;

namespace Kessan.LocalCloud.Sns;

/// <summary>Wires LocalCloud's minimal SNS: topics and HTTP/S subscriptions, signed delivery with retries, and
/// its endpoints under <c>/_localcloud/sns</c>.</summary>
public static class SnsRegistration
{
    public static IServiceCollection AddSns(this IServiceCollection services)
    {
        services.AddOptions<SnsOptions>()
            .BindConfiguration(SnsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SnsSigner>();
        services.AddSingleton(provider => new SnsUrls(() => SnsUrls.ServerAddress(provider.GetRequiredService<IServer>())));
        services.AddSingleton<SnsDeliveryQueue>();
        services.AddSingleton<SnsTopics>();
        services.AddHostedService<SnsDeliveryWorker>();
        // No request logging: an endpoint URL may carry a secret.
        services.AddHttpClient(SnsDeliveryWorker.HttpClientName, client =>
            {
                client.Timeout = SnsDeliveryWorker.AttemptTimeout;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Amazon Simple Notification Service Agent");
            })
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>Maps <c>POST /_localcloud/sns/subscriptions</c>, the SubscribeURL and UnsubscribeURL targets and the
    /// signing certificate.</summary>
    public static IEndpointRouteBuilder MapSns(this IEndpointRouteBuilder endpoints) => endpoints.MapSnsEndpoints();
}
