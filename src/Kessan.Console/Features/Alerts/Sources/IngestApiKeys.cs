using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary>The keys <c>POST /api/alerts</c> accepts in <c>X-Api-Key</c> (<c>Alerts:IngestApiKeys</c>). Compared as
/// hashes in constant time, so neither the keys' content nor their length leaks through timing.</summary>
public sealed class IngestApiKeys(IOptions<AlertOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] _hashes = options.Value.IngestApiKeys.Select(Hash).ToArray();

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var hash = Hash(presented);
        var accepted = false;
        foreach (var known in _hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, known);
        }
        return accepted;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
