using System.Net;
using System.Security.Claims;
using Kessan.Console.Features.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kessan.Console.Tests.Auth;

/// <summary>OpenID Connect, configured from <c>Auth:Oidc</c>, tested without a real provider: the provider's
/// discovery document is given in place, and its users are made up.</summary>
public sealed class OidcSignInTests(OidcSignInTests.OidcConsole console) : IClassFixture<OidcSignInTests.OidcConsole>
{
    public const string ClientSecret = "client-secret-never-shown-0123";

    [Fact]
    public void The_handler_uses_the_code_flow_with_PKCE_and_keeps_no_provider_tokens()
    {
        var options = console.HandlerOptions;

        Assert.Equal(("https://idp.example/realms/kessan", "kessan-console", ClientSecret), (options.Authority, options.ClientId, options.ClientSecret));
        Assert.Equal(OpenIdConnectResponseType.Code, options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.False(options.SaveTokens);
        Assert.Equal(["openid", "profile", "email", "groups"], options.Scope);
    }

    [Fact]
    public async Task The_sign_in_button_sends_the_browser_to_the_provider_with_a_PKCE_challenge()
    {
        var page = await console.CreateAnonymousClient().GetStringAsync($"{AuthPaths.SignInPage}?returnUrl=%2Fdashboards");

        using var challenge = await console.CreateAnonymousClient().GetAsync($"{AuthPaths.OidcSignIn}?returnUrl=%2Fdashboards");
        var authorize = challenge.Headers.Location!;

        Assert.Contains($"href=\"{AuthPaths.OidcSignIn}?returnUrl=%2Fdashboards\"", page);
        Assert.Equal("https://idp.example/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Contains("response_type=code", authorize.Query);
        Assert.Contains("code_challenge_method=S256", authorize.Query);
        Assert.DoesNotContain(ClientSecret, authorize.ToString());
    }

    [Fact]
    public async Task Local_tokens_sign_nobody_in_when_OpenID_Connect_is_on()
    {
        using var response = await console.CreateAnonymousClient().GetAsync($"{AuthPaths.LocalSignIn}?token=any-token-0123456789");

        Assert.StartsWith(AuthPaths.SignInPage, response.Headers.Location?.PathAndQuery);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_provider_user_becomes_a_console_user_with_the_mapped_roles()
    {
        var options = console.HandlerOptions;
        var context = new TokenValidatedContext(
            new DefaultHttpContext { RequestServices = console.Services },
            new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler)),
            options,
            ProviderUser(("name", "Hana Sato"), ("groups", "kessan-oncall"), ("groups", "finance")),
            new AuthenticationProperties());

        await options.Events.TokenValidated(context);

        Assert.Equal("Hana Sato", context.Principal!.Identity!.Name);
        Assert.Equal([KessanRoles.Operator], context.Principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value));
    }

    [Fact]
    public void Without_a_role_map_claim_values_naming_a_role_count_as_they_are()
    {
        var map = new OidcRoleMap(new OidcOptions { RoleClaim = "roles" });

        var roles = map.RolesOf(ProviderUser(("roles", "admin"), ("roles", "Viewer"), ("roles", "billing")));

        Assert.Equal([KessanRoles.Admin, KessanRoles.Viewer], roles);
    }

    [Fact]
    public void With_a_role_map_only_mapped_values_count()
    {
        var map = new OidcRoleMap(new OidcOptions { RoleClaim = "groups", RoleMap = new() { ["kessan-readers"] = "Viewer" } });

        var roles = map.RolesOf(ProviderUser(("groups", "Admin"), ("groups", "KESSAN-READERS")));

        Assert.Equal([KessanRoles.Viewer], roles);
    }

    [Fact]
    public void A_provider_user_without_a_name_claim_is_named_by_username_then_email()
    {
        var map = new OidcRoleMap(new OidcOptions());

        var user = map.ToConsoleUser(ProviderUser(("sub", "3f2a"), ("email", "hana@example.com"), ("preferred_username", "hana")));

        Assert.Equal("hana", user.Identity!.Name);
    }

    [Fact]
    public void The_client_secret_never_reaches_the_log()
    {
        _ = console.HandlerOptions;

        Assert.DoesNotContain(console.Log.Lines, line => line.Contains(ClientSecret));
    }

    private static ClaimsPrincipal ProviderUser(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "provider"));

    /// <summary>The console with OpenID Connect on; the provider's discovery document is given in place, so
    /// nothing is fetched.</summary>
    public sealed class OidcConsole() : AuthTestConsole(
        ("Auth:Oidc:Authority", "https://idp.example/realms/kessan"),
        ("Auth:Oidc:ClientId", "kessan-console"),
        ("Auth:Oidc:ClientSecret", ClientSecret),
        ("Auth:Oidc:Scopes", "email groups"),
        ("Auth:Oidc:RoleClaim", "groups"),
        ("Auth:Oidc:RoleMap:kessan-oncall", "Operator"),
        ("Auth:Oidc:RoleMap:kessan-readers", "Viewer"))
    {
        public OpenIdConnectOptions HandlerOptions =>
            Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(
                OpenIdConnectDefaults.AuthenticationScheme,
                options => options.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = "https://idp.example/realms/kessan",
                    AuthorizationEndpoint = "https://idp.example/authorize",
                    TokenEndpoint = "https://idp.example/token",
                }));
        }
    }
}
