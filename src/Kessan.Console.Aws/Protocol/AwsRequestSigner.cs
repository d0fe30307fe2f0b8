using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Protocol;

/// <summary>Builds a JSON-protocol request and signs it with AWSSDK.Core's SigV4 signer: the SDK computes the
/// signature and the headers it signs (host, X-Amz-Date, X-Amz-Content-SHA256), we copy them onto the HTTP message.
/// A compressed body is signed as sent, compressed, with its Content-Encoding among the signed headers.</summary>
internal sealed class AwsRequestSigner(IOptions<AwsOptions> options)
{
    private static readonly AWS4Signer Signer = new();

    private readonly ConcurrentDictionary<string, SdkClientConfig> _configs = new();

    public HttpRequestMessage CreateSignedRequest(
        AwsJsonProtocol protocol, Uri endpoint, string operation, RequestBody body, ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        var config = _configs.GetOrAdd(protocol.SigningName, name => new SdkClientConfig(options.Value, name));
        using var sdkRequest = new DefaultRequest(new UnmodeledRequest(), protocol.Service.ToString())
        {
            HttpMethod = "POST",
            Endpoint = endpoint,
            ResourcePath = "/",
            Content = body.Content,
            AuthenticationRegion = config.AuthenticationRegion,
        };
        sdkRequest.Headers["Content-Type"] = protocol.ContentType;
        sdkRequest.Headers["X-Amz-Target"] = protocol.Target(operation);
        if (body.ContentEncoding is { } encoding)
        {
            sdkRequest.Headers["Content-Encoding"] = encoding;
        }

        if (protocol.QueryCompatible)
        {
            // As the AWS SDKs do for awsQueryCompatible services, so errors also carry their Query-protocol code.
            sdkRequest.Headers["x-amzn-query-mode"] = "true";
        }

        if (credentials.UseToken)
        {
            // Added before signing so the token is covered by the signature.
            sdkRequest.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var signature = Signer.SignRequest(sdkRequest, config, null, credentials.AccessKey, credentials.SecretKey, signedAt.UtcDateTime);

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/")) { Content = new ByteArrayContent(body.Content) };
        foreach (var (name, value) in sdkRequest.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue; // implied by the URI
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return message;
    }

    /// <summary>The SDK's request type wants a modeled request; ours carry their JSON body already.</summary>
    private sealed class UnmodeledRequest : AmazonWebServiceRequest;
}
