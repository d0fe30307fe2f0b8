namespace Kessan.Console.Features.Auth;

/// <summary>The console's roles. Operator includes Viewer; Admin includes both.</summary>
public static class KessanRoles
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Admin = "Admin";

    /// <summary>Every role, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    /// <summary>The roles that grant <paramref name="role"/>: itself and every role above it.</summary>
    public static IReadOnlyList<string> Granting(string role) => [.. All.SkipWhile(r => r != role)];

    /// <summary>The role <paramref name="value"/> names, ignoring case and surrounding spaces; null when it names none.</summary>
    public static string? Find(string value) =>
        All.FirstOrDefault(role => string.Equals(role, value.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policies, enforced on the server for every page, hub method and API.</summary>
public static class KessanPolicies
{
    /// <summary>Read anything.</summary>
    public const string Viewer = "kessan:viewer";

    /// <summary>Acknowledge alerts, send test notifications.</summary>
    public const string Operator = "kessan:operator";

    /// <summary>Manage channels and settings.</summary>
    public const string Admin = "kessan:admin";

    /// <summary>Each policy and the role it needs (or any role above it).</summary>
    public static IReadOnlyList<(string Policy, string Role)> Roles { get; } =
        [(Viewer, KessanRoles.Viewer), (Operator, KessanRoles.Operator), (Admin, KessanRoles.Admin)];
}
