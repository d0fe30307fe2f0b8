using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Kessan.Console.Aws.Configuration;

/// <summary>What the console reads from outside its configuration: environment variables and the region of an
/// AWS shared-config profile. Tests pass their own.</summary>
/// <param name="variable">Reads an environment variable.</param>
/// <param name="profileRegion">The region of the named profile, or of the SDK's default profile for null.</param>
internal sealed class AwsEnvironment(Func<string, string?> variable, Func<string?, string?> profileRegion)
{
    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable, ReadProfileRegion);

    /// <summary>The variable's value; empty counts as unset, as the AWS SDKs treat it.</summary>
    public string? Variable(string name) => variable(name) is { Length: > 0 } value ? value : null;

    public string? ProfileRegion(string? profile) => profileRegion(profile);

    private static string? ReadProfileRegion(string? profile)
    {
        if (profile is null)
        {
            // Instance metadata is left out: start-up must not wait on a network call off EC2.
            return FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)?.SystemName;
        }

        return new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
    }
}
