namespace Kessan.LocalCloud.Protocol;

/// <summary>The parts of a SigV4 <c>Authorization</c> header:
/// <c>AWS4-HMAC-SHA256 Credential=AK/20260101/ap-northeast-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=…</c>.</summary>
public sealed record SigV4Authorization(string AccessKeyId, string ScopeDate, string Region, string Service, string SignedHeaders, string Signature)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <exception cref="AwsServiceException">IncompleteSignature, naming what is missing or malformed.</exception>
    public static SigV4Authorization Parse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw ProtocolErrors.IncompleteSignature($"Authorization header must start with {Algorithm}.");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var pair in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            var value = equals < 0 ? null : pair[(equals + 1)..].Trim();
            switch (equals < 0 ? "" : pair[..equals].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            throw ProtocolErrors.IncompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }

        var scope = credential.Split('/');
        if (scope is not [{ Length: > 0 } accessKeyId, { Length: 8 } date, { Length: > 0 } region, { Length: > 0 } service, "aws4_request"])
        {
            throw ProtocolErrors.IncompleteSignature("Credential must have the form <access key>/<yyyyMMdd>/<region>/<service>/aws4_request.");
        }

        return new SigV4Authorization(accessKeyId, date, region, service, signedHeaders, signature);
    }
}
