using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Configuration;

/// <summary>Fills Region and Profile from where the AWS SDKs look when the <c>Aws</c> section leaves them out:
/// Aws:Region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's region; Aws:Profile, then AWS_PROFILE.</summary>
internal sealed class AwsOptionsDefaults(AwsEnvironment environment) : IPostConfigureOptions<AwsOptions>
{
    public void PostConfigure(string? name, AwsOptions options)
    {
        options.Profile = NullIfEmpty(options.Profile) ?? environment.Variable("AWS_PROFILE");
        options.Region = NullIfEmpty(options.Region)
            ?? environment.Variable("AWS_REGION")
            ?? environment.Variable("AWS_DEFAULT_REGION")
            ?? environment.ProfileRegion(options.Profile);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
