using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Configuration;

/// <summary>Endpoints as the AWS SDKs pick them: the <c>Aws</c> section's override, the service's
/// <c>AWS_ENDPOINT_URL_*</c> variable, <c>AWS_ENDPOINT_URL</c>, then the public regional endpoint.</summary>
internal sealed class ConfiguredEndpointResolver(IOptions<AwsOptions> options, AwsEnvironment environment) : IAwsEndpointResolver
{
    public Uri Resolve(AwsService service)
    {
        var settings = options.Value;
        var (key, configured, variable, host) = service switch
        {
            AwsService.CloudWatch => ("Aws:CloudWatchEndpoint", settings.CloudWatchEndpoint, "AWS_ENDPOINT_URL_CLOUDWATCH", "monitoring"),
            AwsService.CloudWatchLogs => ("Aws:LogsEndpoint", settings.LogsEndpoint, "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "logs"),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a service the console calls."),
        };

        if (!string.IsNullOrEmpty(configured))
        {
            return EndpointUrl.Parse(key, configured);
        }

        if (environment.Variable(variable) is { } serviceUrl)
        {
            return EndpointUrl.Parse($"The environment variable {variable}", serviceUrl);
        }

        if (environment.Variable("AWS_ENDPOINT_URL") is { } sharedUrl)
        {
            return EndpointUrl.Parse("The environment variable AWS_ENDPOINT_URL", sharedUrl);
        }

        var domain = settings.Region!.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{host}.{settings.Region}.{domain}", UriKind.Absolute);
    }
}
