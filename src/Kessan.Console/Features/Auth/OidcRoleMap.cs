using System.Security.Claims;

namespace Kessan.Console.Features.Auth;

/// <summary>Turns the user an OpenID Connect provider signed in into a console user: the values of the role claim,
/// through the role map, become console roles. A user none of whose values map signs in with no role and is
/// refused every page.</summary>
public sealed class OidcRoleMap(OidcOptions settings)
{
    public const string SignInMethod = "oidc";

    // Providers differ in which claim carries a readable name; the subject is always there.
    private static readonly string[] NameClaims = ["name", "preferred_username", "email", "sub"];

    public ClaimsPrincipal ToConsoleUser(ClaimsPrincipal providerUser)
    {
        var name = NameClaims.Select(type => providerUser.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) ?? "unknown";
        return ConsolePrincipal.Create(name, RolesOf(providerUser), SignInMethod);
    }

    public IReadOnlyList<string> RolesOf(ClaimsPrincipal providerUser) =>
    [
        .. providerUser.FindAll(settings.RoleClaim)
            .Select(claim => RoleFor(claim.Value))
            .OfType<string>()
            .Distinct(),
    ];

    private string? RoleFor(string value)
    {
        if (settings.RoleMap.Count == 0)
        {
            return KessanRoles.Find(value);
        }
        var mapped = settings.RoleMap.FirstOrDefault(entry => string.Equals(entry.Key, value, StringComparison.OrdinalIgnoreCase));
        return mapped.Value is null ? null : KessanRoles.Find(mapped.Value);
    }
}
