using System.Security.Claims;

namespace Kessan.Console.Features.Auth;

/// <summary>The signed-in user as the console keeps it in its cookie, whatever the sign-in method: a name and the
/// roles granted. Nothing else from an identity provider is kept.</summary>
public static class ConsolePrincipal
{
    public static ClaimsPrincipal Create(string name, IEnumerable<string> roles, string signInMethod)
    {
        var identity = new ClaimsIdentity(signInMethod, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaims(roles.Distinct().Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The highest role the user holds; null for a user with none.</summary>
    public static string? HighestRole(this ClaimsPrincipal user) => KessanRoles.All.LastOrDefault(user.IsInRole);
}
