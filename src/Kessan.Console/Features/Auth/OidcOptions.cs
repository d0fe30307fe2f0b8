namespace Kessan.Console.Features.Auth;

/// <summary>OpenID Connect sign-in, section <c>Auth:Oidc</c>; on when <see cref="Authority"/> is set.</summary>
public sealed class OidcOptions
{
    /// <summary>The identity provider's issuer URL (its discovery document lives below it).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>For confidential clients; public clients rely on PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c>, separated by spaces (e.g. "email groups").</summary>
    public string? Scopes { get; set; }

    /// <summary>The claim whose values give the user's roles (or groups, with <see cref="RoleMap"/>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Provider values of <see cref="RoleClaim"/> to console roles, e.g. <c>kessan-oncall: Operator</c>.
    /// When empty, values that name a console role (Viewer, Operator, Admin) count as they are.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    public IReadOnlyList<string> ExtraScopes() =>
        (Scopes ?? "").Split([' ', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            yield return "Auth:Oidc:Authority must be an absolute https URL (http only for a provider on this machine).";
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Auth:Oidc:ClientId is required when Auth:Oidc:Authority is set.";
        }
        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            yield return "Auth:Oidc:RoleClaim must name the claim that carries roles or groups (default \"roles\").";
        }
        foreach (var (value, role) in RoleMap.Where(entry => KessanRoles.Find(entry.Value) is null))
        {
            yield return $"Auth:Oidc:RoleMap:{value} is '{role}'; expected Viewer, Operator or Admin.";
        }
    }
}
