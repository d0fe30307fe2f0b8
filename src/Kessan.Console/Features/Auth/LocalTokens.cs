using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Auth;

/// <summary>The tokens that sign in without an identity provider: the local administrator's (generated at start-up
/// and good once, or <c>Auth:LocalToken</c>, reusable) and each named user's (reusable).</summary>
public sealed class LocalTokens
{
    /// <summary>The user the start-up link signs in as; holds every role.</summary>
    public const string AdministratorName = "local";

    public const string SignInMethod = "local";

    private readonly Holder[] _holders;
    private int _oneTimeTokenUsed;

    public LocalTokens(IOptions<AuthOptions> options)
    {
        var auth = options.Value;
        OneTimeToken = auth.LocalToken is null ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)) : null;
        var administrator = new Holder(Hash(auth.LocalToken ?? OneTimeToken!), AdministratorName, KessanRoles.All, IsOneTime: OneTimeToken is not null);
        _holders =
        [
            administrator,
            .. auth.Users.Select(user => new Holder(Hash(user.Value.Token!), user.Key, [.. user.Value.RoleEntries().Select(role => KessanRoles.Find(role)!)], IsOneTime: false)),
        ];
    }

    /// <summary>The generated token the start-up link carries; null when <c>Auth:LocalToken</c> fixes the token.</summary>
    public string? OneTimeToken { get; }

    public IEnumerable<string> UserNames => _holders.Skip(1).Select(holder => holder.Name);

    public LocalTokenRedemption Redeem(string? token)
    {
        // Comparing fixed-length hashes, every one of them, keeps the time taken independent of which token (if any)
        // matched and of how much of it was right.
        var presented = Hash(token ?? "");
        Holder? match = null;
        foreach (var holder in _holders)
        {
            if (CryptographicOperations.FixedTimeEquals(holder.TokenHash, presented))
            {
                match = holder;
            }
        }
        return match switch
        {
            null => new LocalTokenRedemption.Unknown(),
            { IsOneTime: true } when Interlocked.Exchange(ref _oneTimeTokenUsed, 1) == 1 => new LocalTokenRedemption.AlreadyUsed(),
            _ => new LocalTokenRedemption.Accepted(match.Name, match.Roles),
        };
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private sealed record Holder(byte[] TokenHash, string Name, IReadOnlyList<string> Roles, bool IsOneTime);
}
