using Kessan.Console.Aws;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.LocalCloud;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kessan.Console.Features.LocalMode;

public static class LocalModeRegistration
{
    /// <summary>With no AWS configuration, starts LocalCloud inside the console and points the AWS client at it.</summary>
    public static IHostApplicationBuilder AddLocalCloudWhenNoAws(this IHostApplicationBuilder builder)
    {
        var dataSource = DataSource.Detect(builder.Configuration, Environment.GetEnvironmentVariable);
        builder.Services.AddSingleton(dataSource);
        if (!dataSource.IsLocal)
        {
            return builder;
        }

        // The client signs with whatever keys LocalCloud checks; with no keys configured LocalCloud accepts any.
        var localCloud = builder.Configuration.GetSection(LocalCloudOptions.Section);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = localCloud[nameof(LocalCloudOptions.Region)] ?? new LocalCloudOptions().Region,
            ["Aws:AccessKeyId"] = localCloud[nameof(LocalCloudOptions.AccessKeyId)] ?? "local",
            ["Aws:SecretAccessKey"] = localCloud[nameof(LocalCloudOptions.SecretAccessKey)] ?? "local",
        });

        builder.Services.AddSingleton<EmbeddedLocalCloud>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EmbeddedLocalCloud>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IAwsEndpointResolver, EmbeddedLocalCloudEndpoint>());

        // Alarms that fire in LocalCloud reach the console by SNS, as from AWS.
        builder.Services.AddOptions<LocalCloudOptions>().BindConfiguration(LocalCloudOptions.Section);
        builder.Services.AddHttpClient(LocalCloudAlertSubscription.HttpClientName);
        builder.Services.AddHostedService<LocalCloudAlertSubscription>();

        // Notification channels default to LocalCloud's offline receivers; /local/inbox shows what they received.
        builder.Services.AddSingleton<IDefaultChannels, LocalReceiverChannels>();
        builder.Services.AddSingleton<LocalInboxWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LocalInboxWatcher>());
        return builder;
    }

    /// <summary>Both services live at the embedded LocalCloud's address.</summary>
    private sealed class EmbeddedLocalCloudEndpoint(EmbeddedLocalCloud localCloud) : IAwsEndpointResolver
    {
        public Uri Resolve(AwsService service) => localCloud.Address;
    }
}
