using System.ComponentModel.DataAnnotations;

namespace Kessan.Console.Features.Auth;

/// <summary>Sign-in settings, section <c>Auth</c>. Without <c>Oidc:Authority</c> the console signs in locally: a
/// one-time link printed at start-up (or the reusable <c>LocalToken</c>) for the local administrator, plus the
/// named <c>Users</c>.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>Tokens are passwords; shorter ones could be guessed.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>A reusable token for the local administrator instead of the one-time link (scripts, tests).</summary>
    public string? LocalToken { get; set; }

    /// <summary>Named local users by name, each with its own reusable token and roles.</summary>
    public Dictionary<string, LocalUserOptions> Users { get; set; } = [];

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Where data-protection keys (which encrypt the sign-in cookie) are kept, so that a restart does not
    /// sign everyone out; ASP.NET Core's default folder in the user profile when unset.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>How long a sign-in lasts without any request; each request extends it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00", ErrorMessage = "Auth:SessionLifetime must be between 00:05:00 and 30.00:00:00.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool UsesOidc => !string.IsNullOrWhiteSpace(Oidc.Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = UsesOidc ? Oidc.Validate().Concat(LocalSignInUnused()) : ValidateLocal();
        return problems.Select(problem => new ValidationResult(problem));
    }

    private IEnumerable<string> LocalSignInUnused()
    {
        if (LocalToken is not null || Users.Count > 0)
        {
            yield return "Auth:LocalToken and Auth:Users are for local sign-in, which is off when Auth:Oidc:Authority is set; remove them.";
        }
    }

    // Messages name the key and never repeat a token's value.
    private IEnumerable<string> ValidateLocal()
    {
        if (LocalToken is not null && LocalToken.Length < MinimumTokenLength)
        {
            yield return $"Auth:LocalToken must be at least {MinimumTokenLength} characters long.";
        }
        foreach (var (name, user) in Users)
        {
            var key = $"Auth:Users:{name}";
            if (string.IsNullOrEmpty(user.Token) || user.Token.Length < MinimumTokenLength)
            {
                yield return $"{key}:Token must be set, at least {MinimumTokenLength} characters long.";
            }
            var roles = user.RoleEntries();
            if (roles.Count == 0)
            {
                yield return $"{key}:Roles must list at least one of Viewer, Operator, Admin (comma-separated).";
            }
            foreach (var role in roles.Where(role => KessanRoles.Find(role) is null))
            {
                yield return $"{key}:Roles has '{role}'; expected Viewer, Operator or Admin.";
            }
        }
        var tokenKeys = Users.Where(u => !string.IsNullOrEmpty(u.Value.Token)).Select(u => (Token: u.Value.Token!, Key: $"Auth:Users:{u.Key}:Token"));
        if (LocalToken is not null)
        {
            tokenKeys = tokenKeys.Prepend((LocalToken, "Auth:LocalToken"));
        }
        foreach (var shared in tokenKeys.GroupBy(t => t.Token, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"{string.Join(" and ", shared.Select(t => t.Key))} are the same; each token must identify one user.";
        }
    }
}

/// <summary>A named local user, section <c>Auth:Users:&lt;name&gt;</c>.</summary>
public sealed class LocalUserOptions
{
    /// <summary>Signs in at <c>/auth/local?token=…</c>, as often as needed.</summary>
    public string? Token { get; set; }

    /// <summary>Comma-separated: Viewer, Operator, Admin.</summary>
    public string? Roles { get; set; }

    public IReadOnlyList<string> RoleEntries() =>
        (Roles ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
