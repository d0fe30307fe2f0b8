using System.Diagnostics.CodeAnalysis;

namespace Kessan.Console.Features.Auth;

/// <summary>Where to go after signing in: a path on this console, never another site (no open redirect).</summary>
public static class ReturnUrl
{
    public const string Default = "/dashboards";

    public static string LocalOrDefault(string? candidate) => IsLocal(candidate) ? candidate : Default;

    /// <summary>"/path", but not "//host" or "/\host" (browsers read both as another site), nor anything with
    /// backslashes or control characters.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c));
}
