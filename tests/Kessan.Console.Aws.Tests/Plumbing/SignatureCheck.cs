using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>The parts of a recorded request's SigV4 <c>Authorization</c> header.</summary>
public sealed record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service, string SignedHeaders, string Signature)
{
    private static readonly Regex Pattern = new(
        "^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<signed>[^,]+), Signature=(?<signature>[0-9a-f]{64})$");

    public static SigV4Authorization Parse(RecordedRequest request)
    {
        var header = request.Header("Authorization") ?? throw new InvalidOperationException("The request has no Authorization header.");
        var match = Pattern.Match(header);
        Assert.True(match.Success, $"Not a SigV4 Authorization header: {header}");
        return new SigV4Authorization(
            match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value,
            match.Groups["service"].Value, match.Groups["signed"].Value, match.Groups["signature"].Value);
    }

    /// <summary>The signature recomputed the way a server verifies one: the canonical request rebuilt from the method,
    /// path, the headers listed in SignedHeaders and the body's hash, signed by AWSSDK.Core's public ComputeSignature.</summary>
    public string Recompute(RecordedRequest request, ImmutableCredentials credentials)
    {
        var headerNames = SignedHeaders.Split(';');
        var canonicalHeaders = string.Concat(headerNames.Select(name =>
            $"{name}:{Regex.Replace((request.Header(name) ?? string.Empty).Trim(), " +", " ")}\n"));
        var canonicalRequest = string.Join('\n',
            request.Method, request.Path, string.Empty, canonicalHeaders, SignedHeaders, BodyHash(request));
        var signedAt = DateTime.ParseExact(
            request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return AWS4Signer.ComputeSignature(credentials, Region, signedAt, Service, SignedHeaders, canonicalRequest).Signature;
    }

    public static string BodyHash(RecordedRequest request) => Convert.ToHexStringLower(SHA256.HashData(request.Body));
}
