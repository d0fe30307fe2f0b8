using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Protocol;

/// <summary>The credentials requests are signed with: the static keys of <see cref="AwsOptions"/> when set, else
/// AWSSDK.Core's default chain (environment, profiles, SSO, container and instance roles). The chain is walked
/// once; the credentials it yields cache and refresh themselves, so asking them per request is cheap.</summary>
internal sealed class AwsCredentialSource(IOptions<AwsOptions> options) : IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver _chain = new();
    private AWSCredentials? _credentials;

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            _credentials ??= await ResolveAsync(cancellationToken);
            return await _credentials.GetCredentialsAsync();
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException)
        {
            throw new AwsCredentialsException(options.Value.Profile, e);
        }
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.HasStaticKeys)
        {
            return string.IsNullOrEmpty(settings.SessionToken)
                ? new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey)
                : new SessionAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey, settings.SessionToken);
        }

        return await _chain.ResolveIdentityAsync(new SdkClientConfig(settings), cancellationToken);
    }

    public void Dispose() => _chain.Dispose();
}
