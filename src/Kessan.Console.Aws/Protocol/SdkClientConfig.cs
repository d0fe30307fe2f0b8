using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Kessan.Console.Aws.Protocol;

/// <summary>The AWSSDK.Core client settings its SigV4 signer and credential chain read: signing name, region and
/// profile. Endpoints are ours (<see cref="IAwsEndpointResolver"/>), so the SDK's endpoint rules are never asked.</summary>
internal sealed class SdkClientConfig : ClientConfig
{
    private readonly string _signingName;

    public SdkClientConfig(AwsOptions options, string signingName = "")
        : base(null)
    {
        _signingName = signingName;
        AuthenticationServiceName = signingName;
        AuthenticationRegion = options.Region;
        if (!string.IsNullOrEmpty(options.Profile))
        {
            Profile = new Amazon.Profile(options.Profile);
        }
    }

    public override string RegionEndpointServiceName => _signingName;

    public override string ServiceVersion => string.Empty;

    public override string UserAgent => AwsJsonTransport.UserAgent;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("Endpoints come from IAwsEndpointResolver.");
}
