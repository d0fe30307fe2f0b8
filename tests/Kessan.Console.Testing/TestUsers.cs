using System.Net;
using Kessan.Console.Features.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kessan.Console.Testing;

/// <summary>A named local user for tests: configured as <c>Auth:Users:&lt;name&gt;</c> by
/// <see cref="TestUsers.UseTestUsers"/>, signed in at <see cref="SignInPath"/>.</summary>
public sealed record TestUser(string Name, string Role)
{
    /// <summary>Known to the tests only; long enough for the console's minimum.</summary>
    public string Token => $"test-token-of-{Name}-0123456789";

    /// <summary>The address that signs this user in and then opens <paramref name="returnUrl"/>.</summary>
    public string SignInPath(string returnUrl = ReturnUrl.Default) =>
        $"{AuthPaths.LocalSignIn}?token={Uri.EscapeDataString(Token)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}

/// <summary>
/// Signing in as a given user or role in tests. For a <see cref="WebApplicationFactory{Program}"/>:
/// <code>
/// protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseTestUsers();
/// using var alice = await factory.CreateClientSignedInAsync(TestUsers.Alice);     // Operator
/// using var viewer = await factory.CreateClientSignedInAsync(TestUsers.Viewer);   // Viewer only
/// </code>
/// For a SignalR hub: <c>await factory.ConnectToHubAsync("/hubs/alerts", TestUsers.Viewer)</c>
/// (in <c>TestHubConnections</c>; it sends the <see cref="SignInCookieAsync"/> cookie).
/// For a Playwright browser context: open <c>server.Url(TestUsers.Alice.SignInPath("/alerts"))</c>; the console signs
/// the context in and redirects to the page.
/// </summary>
public static class TestUsers
{
    public static TestUser Alice { get; } = new("alice", KessanRoles.Operator);

    /// <summary>A second Operator, for "who was first" cases.</summary>
    public static TestUser Ben { get; } = new("ben", KessanRoles.Operator);

    public static TestUser Viewer { get; } = new("viewer", KessanRoles.Viewer);

    public static TestUser Admin { get; } = new("admin", KessanRoles.Admin);

    public static IReadOnlyList<TestUser> All { get; } = [Alice, Ben, Viewer, Admin];

    /// <summary>Configures every test user as a named local user (<c>Auth:Users:&lt;name&gt;:Token</c> and <c>:Roles</c>).</summary>
    public static IWebHostBuilder UseTestUsers(this IWebHostBuilder builder)
    {
        foreach (var user in All)
        {
            builder.UseSetting($"Auth:Users:{user.Name}:Token", user.Token);
            builder.UseSetting($"Auth:Users:{user.Name}:Roles", user.Role);
        }
        return builder;
    }

    /// <summary>Signs <paramref name="user"/> in and returns the <c>Cookie</c> header value that carries the sign-in.</summary>
    public static async Task<string> SignInCookieAsync(this WebApplicationFactory<Program> factory, TestUser user)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        return await client.SignInCookieAsync(user);
    }

    /// <summary>The same through <paramref name="client"/>, which must neither follow redirects nor keep cookies:
    /// for a console on Kestrel, whose factory's clients always follow redirects.</summary>
    public static async Task<string> SignInCookieAsync(this HttpClient client, TestUser user)
    {
        using var response = await client.GetAsync(user.SignInPath());
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            throw new InvalidOperationException($"Signing in as {user.Name} was refused ({(int)response.StatusCode}, to {response.Headers.Location}); did the host call UseTestUsers()?");
        }
        return string.Join("; ", cookies.Select(cookie => cookie.Split(';', 2)[0]));
    }

    /// <summary>A client that sends <paramref name="user"/>'s sign-in cookie and does not follow redirects (so a
    /// refusal shows as the status the console answered).</summary>
    public static async Task<HttpClient> CreateClientSignedInAsync(this WebApplicationFactory<Program> factory, TestUser user)
    {
        var cookie = await factory.SignInCookieAsync(user);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
