namespace Kessan.Console.Tests.Auth;

/// <summary>A misconfigured sign-in refuses to start and names the key to fix, without repeating any secret.</summary>
public sealed class AuthOptionsTests
{
    private const string Secret = "client-secret-never-shown-0123";

    [Theory]
    [InlineData("Auth:Oidc:ClientId", "Auth:Oidc:Authority=https://idp.example", "Auth:Oidc:ClientSecret=" + Secret)]
    [InlineData("Auth:Oidc:Authority", "Auth:Oidc:Authority=http://idp.example", "Auth:Oidc:ClientId=kessan")]
    [InlineData("Auth:Oidc:RoleMap:kessan-ops", "Auth:Oidc:Authority=https://idp.example", "Auth:Oidc:ClientId=kessan", "Auth:Oidc:RoleMap:kessan-ops=Boss")]
    [InlineData("Auth:LocalToken and Auth:Users", "Auth:Oidc:Authority=https://idp.example", "Auth:Oidc:ClientId=kessan", "Auth:LocalToken=" + Secret)]
    [InlineData("Auth:LocalToken", "Auth:LocalToken=short")]
    [InlineData("Auth:Users:bob:Token", "Auth:Users:bob:Token=short", "Auth:Users:bob:Roles=Viewer")]
    [InlineData("Auth:Users:bob:Roles", "Auth:Users:bob:Token=" + Secret, "Auth:Users:bob:Roles=Viewer,Boss")]
    [InlineData("Auth:Users:bob:Roles", "Auth:Users:bob:Token=" + Secret)]
    [InlineData("Auth:LocalToken and Auth:Users:bob:Token", "Auth:LocalToken=" + Secret, "Auth:Users:bob:Token=" + Secret, "Auth:Users:bob:Roles=Viewer")]
    public void A_wrong_setting_stops_the_start_naming_the_key(string key, params string[] settings)
    {
        using var console = new AuthTestConsole([.. settings.Select(setting => setting.Split('=', 2)).Select(pair => (pair[0], (string?)pair[1]))]);

        var refusal = Record.Exception(() => console.Server);

        Assert.NotNull(refusal);
        Assert.Contains(key, refusal.ToString());
        Assert.DoesNotContain(Secret, refusal.ToString());
    }
}
