using Kessan.Console.Aws;

namespace Kessan.Console.Features.LocalMode;

/// <summary>Where the console's data comes from: real CloudWatch, or the embedded LocalCloud when nothing says
/// to use AWS. <c>Kessan:DataSource</c> = local | aws decides outright; "auto" (the default) looks for the AWS
/// settings people already use.</summary>
public sealed record DataSource(bool IsLocal, string Description)
{
    public const string ConfigurationKey = "Kessan:DataSource";

    private static readonly string[] AwsEnvironmentVariables =
    [
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", AwsEndpointSetting.SharedVariable,
        .. AwsEndpointSetting.All.Select(endpoint => endpoint.Variable),
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE",
    ];

    private static readonly string[] AwsConfigurationKeys =
        ["Aws:Region", "Aws:Profile", .. AwsEndpointSetting.All.Select(endpoint => endpoint.ConfigurationKey)];

    public static DataSource Detect(IConfiguration configuration, Func<string, string?> environment)
    {
        var setting = configuration[ConfigurationKey]?.Trim().ToLowerInvariant();
        switch (setting)
        {
            case "local":
                return Local($"{ConfigurationKey}=local");
            case "aws":
                return Aws($"{ConfigurationKey}=aws");
            case null or "" or "auto":
                break;
            default:
                throw new InvalidOperationException($"{ConfigurationKey} must be local, aws or auto, not '{configuration[ConfigurationKey]}'.");
        }

        var key = AwsConfigurationKeys.FirstOrDefault(k => !string.IsNullOrWhiteSpace(configuration[k]));
        if (key is not null)
        {
            return Aws($"{key} is set");
        }
        var variable = AwsEnvironmentVariables.FirstOrDefault(v => !string.IsNullOrWhiteSpace(environment(v)));
        return variable is not null
            ? Aws($"{variable} is set")
            : Local("no AWS configuration was found");
    }

    private static DataSource Local(string why) =>
        new(true, $"Local data: the embedded LocalCloud and its traffic simulator ({why}).");

    private static DataSource Aws(string why) =>
        new(false, $"Amazon CloudWatch ({why}).");
}
