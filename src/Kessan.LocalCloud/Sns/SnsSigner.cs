using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Sns;

/// <summary>Signs messages as Amazon SNS does, with an RSA key and a self-signed certificate LocalCloud makes; the
/// certificate is served at the messages' SigningCertURL so a receiver can verify them the standard way. The key
/// is made when first needed: a 2048-bit key takes a noticeable part of a second, which a LocalCloud that never
/// publishes need not spend.</summary>
public sealed class SnsSigner : IDisposable
{
    private readonly HashAlgorithmName _hash;
    private readonly Lazy<(RSA Key, string CertificatePem)> _identity;

    public SnsSigner(IOptions<SnsOptions> options, TimeProvider clock)
    {
        var version = options.Value.SignatureVersion;
        SignatureVersion = version.ToString(CultureInfo.InvariantCulture);
        _hash = version == 1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        _identity = new Lazy<(RSA, string)>(() => CreateIdentity(clock.GetUtcNow()));
    }

    /// <summary>"1" (SHA1withRSA) or "2" (SHA256withRSA).</summary>
    public string SignatureVersion { get; }

    public string CertificatePem => _identity.Value.CertificatePem;

    /// <summary>The message with its Signature: base64 of RSA PKCS#1 v1.5 over its string to sign.</summary>
    public SnsMessage Sign(SnsMessage message) => message with
    {
        Signature = Convert.ToBase64String(_identity.Value.Key.SignData(Encoding.UTF8.GetBytes(message.StringToSign()), _hash, RSASignaturePadding.Pkcs1)),
    };

    public void Dispose()
    {
        if (_identity.IsValueCreated)
        {
            _identity.Value.Key.Dispose();
        }
    }

    private static (RSA, string) CreateIdentity(DateTimeOffset now)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=LocalCloud SNS, O=Kessan", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return (key, certificate.ExportCertificatePem());
    }
}
