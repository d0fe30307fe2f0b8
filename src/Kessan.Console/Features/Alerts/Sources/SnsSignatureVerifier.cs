using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary>Checks an SNS message's signature (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) against the
/// certificate at its SigningCertURL, which must be trusted before it is fetched. Certificates are fetched once.</summary>
public sealed class SnsSignatureVerifier(IHttpClientFactory httpClientFactory, SnsTrust trust)
{
    public const string HttpClientName = "sns";

    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2>>> _certificates = new(StringComparer.Ordinal);

    /// <summary>Null when the message is authentic; otherwise why it is refused.</summary>
    public async Task<string?> VerifyAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        HashAlgorithmName? algorithm = message.SignatureVersion switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => null,
        };
        if (algorithm is null || string.IsNullOrEmpty(message.Signature) || string.IsNullOrEmpty(message.SigningCertUrl))
        {
            return "The message is not signed: SignatureVersion 1 or 2, Signature and SigningCertURL are required.";
        }
        if (trust.CheckCertificateUrl(message.SigningCertUrl) is { } untrusted)
        {
            return untrusted;
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(message.Signature);
        }
        catch (FormatException)
        {
            return "Signature is not base64.";
        }
        X509Certificate2 certificate;
        try
        {
            certificate = await CertificateAsync(message.SigningCertUrl, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or CryptographicException or ArgumentException)
        {
            return $"The signing certificate could not be loaded from SigningCertURL: {exception.Message}";
        }
        using var key = certificate.GetRSAPublicKey();
        return key is not null && key.VerifyData(message.StringToSign(), signature, algorithm.Value, RSASignaturePadding.Pkcs1)
            ? null
            : "The signature does not match the message.";
    }

    private Task<X509Certificate2> CertificateAsync(string url, CancellationToken cancellationToken)
    {
        var entry = _certificates.GetOrAdd(url, u => new Lazy<Task<X509Certificate2>>(() => FetchAsync(u)));
        var task = entry.Value;
        if (task.IsFaulted)
        {
            // A failed fetch is tried again next time rather than remembered.
            _certificates.TryRemove(new KeyValuePair<string, Lazy<Task<X509Certificate2>>>(url, entry));
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task<X509Certificate2> FetchAsync(string url)
    {
        using var client = httpClientFactory.CreateClient(HttpClientName);
        var pem = await client.GetStringAsync(url);
        return X509Certificate2.CreateFromPem(pem);
    }
}
