namespace Kessan.LocalCloud.Receivers;

/// <summary>Wires the local notification receivers: the inbox, the SMTP server and the Slack, PagerDuty and inbox endpoints.</summary>
public static class ReceiverRegistration
{
    public static IServiceCollection AddReceivers(this IServiceCollection services)
    {
        services.AddOptions<SmtpReceiverOptions>()
            .BindConfiguration(SmtpReceiverOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LocalInbox>();
        services.AddSingleton<SmtpReceiver>();
        services.AddHostedService(provider => provider.GetRequiredService<SmtpReceiver>());
        return services;
    }

    public static IEndpointRouteBuilder MapReceivers(this IEndpointRouteBuilder endpoints) => endpoints.MapReceiverEndpoints();
}
