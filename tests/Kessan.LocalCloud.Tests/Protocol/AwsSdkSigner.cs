using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Kessan.LocalCloud.Tests.Protocol;

/// <summary>Signs requests the way the .NET SDK does, with AWSSDK.Core's own SigV4 signer (which also signs
/// X-Amz-Content-SHA256), so the tests check LocalCloud against AWS's signing rather than against itself.</summary>
internal static class AwsSdkSigner
{
    public const string Region = "ap-northeast-1";

    /// <summary>Adds X-Amz-Date, X-Amz-Content-SHA256 and Authorization for <paramref name="body"/> to <paramref name="message"/>.</summary>
    public static void Sign(HttpRequestMessage message, Uri endpoint, byte[] body, string accessKeyId, string secretAccessKey, DateTimeOffset signedAt)
    {
        var request = new DefaultRequest(new SignedCall(), "monitoring")
        {
            Endpoint = endpoint,
            ResourcePath = "/",
            HttpMethod = "POST",
            Content = body,
        };
        request.Headers["Content-Type"] = message.Content!.Headers.ContentType!.ToString();
        request.Headers["X-Amz-Target"] = message.Headers.GetValues("X-Amz-Target").Single();

        var config = new SigningConfig { AuthenticationRegion = Region, AuthenticationServiceName = "monitoring" };
        var signature = new AWS4Signer().SignRequest(request, config, metrics: null, accessKeyId, secretAccessKey, signedAt.UtcDateTime);

        foreach (var (name, value) in request.Headers)
        {
            if (name is "X-Amz-Date" or "X-Amz-Content-SHA256")
            {
                message.Headers.Add(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }

    private sealed class SignedCall : AmazonWebServiceRequest;

    private sealed class SigningConfig() : ClientConfig(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard }]))
    {
        public override string ServiceVersion => "2010-08-01";

        public override string UserAgent => "Kessan.LocalCloud.Tests";

        public override string RegionEndpointServiceName => "monitoring";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException("Only signing is used; the test sends the request itself.");
    }
}
