using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Aws.Configuration;
using Kessan.Console.Aws.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws;

public static class KessanAwsRegistration
{
    /// <summary>Options (validated at start-up), credentials, signing, the HttpClient, retries and
    /// <see cref="ICloudWatch"/> and <see cref="ICloudWatchLogs"/>. <see cref="IAwsEndpointResolver"/> and <see cref="TimeProvider"/> are only added
    /// when absent, so local mode and tests can supply their own.</summary>
    public static IHostApplicationBuilder AddKessanAws(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AwsOptions>()
            .BindConfiguration(AwsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(AwsEnvironment.Process);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<AwsOptions>, AwsOptionsDefaults>());
        services.TryAddSingleton<IAwsEndpointResolver, ConfiguredEndpointResolver>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RetryBackoff.Random);
        services.TryAddSingleton<AwsCredentialSource>();
        services.TryAddSingleton<AwsRequestSigner>();
        services.AddHttpClient(AwsJsonTransport.HttpClientName, client =>
        {
            // Each attempt has its own deadline (Aws:AttemptTimeout); HttpClient's 100 s default would cut across it.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.ParseAdd(AwsJsonTransport.UserAgent);
        });
        services.TryAddSingleton<AwsJsonTransport>();
        services.TryAddSingleton<ICloudWatch, CloudWatchClient>();
        services.TryAddSingleton<ICloudWatchLogs, CloudWatchLogsClient>();
        return builder;
    }
}
