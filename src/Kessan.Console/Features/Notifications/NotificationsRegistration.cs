using Kessan.Console.Features.Notifications.Channels;
using Kessan.Console.Features.Notifications.Delivery;
using Kessan.Console.Features.Notifications.Storage;

namespace Kessan.Console.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>Notifications: the channel catalog, the senders, a queue and worker per channel, the delivery log,
    /// the alert router and test sends. After <c>AddAlerts</c> (its database and feed) and after local mode (whose
    /// receivers are the default channels). Map the API with <see cref="NotificationEndpoints.MapNotifications"/>.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ChannelCatalog>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<NotificationFeed>();

        // No request logging and no client-side timeout: the URLs are secrets, and the dispatcher times each attempt
        // on the TimeProvider.
        services.AddHttpClient(ProviderHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<ProviderHttp>();
        services.AddSingleton<IChannelSender, SlackSender>();
        services.AddSingleton<IChannelSender, PagerDutySender>();
        services.AddSingleton<IChannelSender, EmailSender>();

        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(s => s.GetRequiredService<NotificationDispatcher>());
        services.AddHostedService<AlertRouter>();
        services.AddSingleton<TestSends>();
        return builder;
    }
}
