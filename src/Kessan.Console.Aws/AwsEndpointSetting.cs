namespace Kessan.Console.Aws;

/// <summary>Where a service's endpoint can be set, in the order the AWS SDKs look: the <c>Aws</c> section's
/// <see cref="ConfigurationKey"/>, the service's <see cref="Variable"/>, then <see cref="SharedVariable"/>; without
/// any, the public regional endpoint on <see cref="HostPrefix"/>. The one table of these names (local-mode detection
/// reads it too).</summary>
public sealed record AwsEndpointSetting(AwsService Service, string OptionName, Func<AwsOptions, string?> Configured, string Variable, string HostPrefix)
{
    /// <summary>The variable that sets the endpoint of every service.</summary>
    public const string SharedVariable = "AWS_ENDPOINT_URL";

    public static IReadOnlyList<AwsEndpointSetting> All { get; } =
    [
        new(AwsService.CloudWatch, nameof(AwsOptions.CloudWatchEndpoint), options => options.CloudWatchEndpoint, "AWS_ENDPOINT_URL_CLOUDWATCH", "monitoring"),
        new(AwsService.CloudWatchLogs, nameof(AwsOptions.LogsEndpoint), options => options.LogsEndpoint, "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "logs"),
    ];

    /// <summary><c>Aws:CloudWatchEndpoint</c>, <c>Aws:LogsEndpoint</c>.</summary>
    public string ConfigurationKey => $"{AwsOptions.Section}:{OptionName}";

    public static AwsEndpointSetting For(AwsService service) =>
        All.FirstOrDefault(setting => setting.Service == service)
        ?? throw new ArgumentOutOfRangeException(nameof(service), service, "Not a service the console calls.");
}
