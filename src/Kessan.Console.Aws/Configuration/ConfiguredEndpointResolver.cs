using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Configuration;

/// <summary>Endpoints as the AWS SDKs pick them: the <c>Aws</c> section's override, the service's
/// <c>AWS_ENDPOINT_URL_*</c> variable, <c>AWS_ENDPOINT_URL</c>, then the public regional endpoint.</summary>
internal sealed class ConfiguredEndpointResolver(IOptions<AwsOptions> options, AwsEnvironment environment) : IAwsEndpointResolver
{
    public Uri Resolve(AwsService service)
    {
        var settings = options.Value;
        var endpoint = AwsEndpointSetting.For(service);

        if (endpoint.Configured(settings) is { Length: > 0 } configured)
        {
            return EndpointUrl.Parse(endpoint.ConfigurationKey, configured);
        }

        if (environment.Variable(endpoint.Variable) is { } serviceUrl)
        {
            return EndpointUrl.Parse($"The environment variable {endpoint.Variable}", serviceUrl);
        }

        if (environment.Variable(AwsEndpointSetting.SharedVariable) is { } sharedUrl)
        {
            return EndpointUrl.Parse($"The environment variable {AwsEndpointSetting.SharedVariable}", sharedUrl);
        }

        var domain = settings.Region!.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{endpoint.HostPrefix}.{settings.Region}.{domain}", UriKind.Absolute);
    }
}
