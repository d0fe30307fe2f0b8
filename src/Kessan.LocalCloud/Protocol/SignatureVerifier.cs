using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Protocol;

/// <summary>Checks SigV4 signatures when LocalCloud has keys configured. It rebuilds the canonical request from
/// what arrived (the headers the caller says it signed, the body's hash) and lets AWSSDK.Core's signer compute the
/// signature from it, so no signing code of our own can drift from AWS's.</summary>
public sealed class SignatureVerifier(IOptions<LocalCloudOptions> options, TimeProvider clock, ILogger<SignatureVerifier> logger)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <param name="body">The body as sent (still compressed, if it was): the signature covers those bytes.</param>
    /// <exception cref="AwsServiceException">When the request is not signed with LocalCloud's key.</exception>
    public void Verify(HttpRequest request, ReadOnlySpan<byte> body, string signingName)
    {
        var settings = options.Value;
        if (!settings.VerifiesSignatures)
        {
            return;
        }

        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw ProtocolErrors.MissingAuthenticationToken();
        }

        var authorization = SigV4Authorization.Parse(header);
        if (!string.Equals(authorization.AccessKeyId, settings.AccessKeyId, StringComparison.Ordinal))
        {
            throw ProtocolErrors.UnrecognizedClient();
        }

        if (!string.Equals(authorization.Service, signingName, StringComparison.Ordinal))
        {
            throw ProtocolErrors.SignatureDoesNotMatch($"Credential should be scoped to correct service: '{signingName}'.");
        }

        var signedAt = SignedAt(request);
        RequireCurrent(signedAt);

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var declaredHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (declaredHash.Length > 0 && !string.Equals(declaredHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            throw ProtocolErrors.SignatureDoesNotMatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var canonicalRequest = CanonicalRequest(request, authorization.SignedHeaders, bodyHash);
        var credentials = new ImmutableCredentials(settings.AccessKeyId, settings.SecretAccessKey, token: null);
        var expected = AWS4Signer.ComputeSignature(credentials, authorization.Region, signedAt.UtcDateTime, authorization.Service,
            authorization.SignedHeaders, canonicalRequest).Signature;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature.ToLowerInvariant())))
        {
            logger.LogDebug("Signature mismatch; the canonical request LocalCloud computed was {CanonicalRequest}", canonicalRequest);
            throw ProtocolErrors.SignatureDoesNotMatch(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private static DateTimeOffset SignedAt(HttpRequest request)
    {
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length > 0)
        {
            return DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw ProtocolErrors.IncompleteSignature($"X-Amz-Date must have the form yyyyMMddTHHmmssZ; got '{amzDate}'.");
        }

        return request.Headers.Date.Count > 0 && DateTimeOffset.TryParse(request.Headers.Date.ToString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw ProtocolErrors.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    private void RequireCurrent(DateTimeOffset signedAt)
    {
        var now = clock.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            throw ProtocolErrors.SignatureDoesNotMatch(
                $"Signature expired: {Format(signedAt)} is now earlier than {Format(now - AllowedSkew)} ({Format(now)} - 15 min.)");
        }

        if (signedAt > now + AllowedSkew)
        {
            throw ProtocolErrors.SignatureDoesNotMatch(
                $"Signature not yet current: {Format(signedAt)} is still later than {Format(now + AllowedSkew)} ({Format(now)} + 15 min.)");
        }

        static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
    }

    private static string CanonicalRequest(HttpRequest request, string signedHeaders, string bodyHash)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var queryStart = target.IndexOf('?');
        var path = queryStart < 0 ? target : target[..queryStart];
        var query = queryStart < 0 ? "" : target[(queryStart + 1)..];

        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        AppendCanonicalPath(canonical, path.Length == 0 ? "/" : path);
        canonical.Append('\n');
        AppendCanonicalQuery(canonical, query);
        canonical.Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            canonical.Append(name).Append(':');
            AppendCanonicalHeaderValue(canonical, request.Headers[name]);
            canonical.Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(bodyHash);
        return canonical.ToString();
    }

    // The path as sent is already percent-encoded; SigV4 for every service but S3 encodes it once more.
    private static void AppendCanonicalPath(StringBuilder canonical, string path)
    {
        foreach (var segment in path.Split('/').Index())
        {
            if (segment.Index > 0)
            {
                canonical.Append('/');
            }

            AppendUriEncoded(canonical, segment.Item);
        }
    }

    private static void AppendCanonicalQuery(StringBuilder canonical, string query)
    {
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        var first = true;
        foreach (var (name, value) in parameters)
        {
            if (!first)
            {
                canonical.Append('&');
            }

            first = false;
            AppendUriEncoded(canonical, name);
            canonical.Append('=');
            AppendUriEncoded(canonical, value);
        }
    }

    // Values trimmed, inner runs of spaces collapsed, repeated headers joined with commas.
    private static void AppendCanonicalHeaderValue(StringBuilder canonical, Microsoft.Extensions.Primitives.StringValues values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                canonical.Append(',');
            }

            var previousWasSpace = false;
            foreach (var character in (values[i] ?? "").Trim())
            {
                if (character == ' ' && previousWasSpace)
                {
                    continue;
                }

                previousWasSpace = character == ' ';
                canonical.Append(character);
            }
        }
    }

    // RFC 3986 encoding as SigV4 wants it: unreserved characters as they are, every other byte as %XX.
    private static void AppendUriEncoded(StringBuilder canonical, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                canonical.Append((char)b);
            }
            else
            {
                canonical.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }
}
