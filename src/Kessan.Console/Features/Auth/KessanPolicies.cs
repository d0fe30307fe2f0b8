namespace Kessan.Console.Features.Auth;

/// <summary>The console's roles. Operator includes Viewer; Admin includes both.</summary>
public static class KessanRoles
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Admin = "Admin";
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
}
