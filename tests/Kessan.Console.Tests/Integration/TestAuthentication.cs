using System.Security.Claims;
using System.Text.Encodings.Web;
using Kessan.Console.Features.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Tests.Integration;

/// <summary>Signs a request in as whoever its <c>X-Test-User</c> header names ("alice;Operator"); no header, no
/// user. Stands in for the console's real sign-in, which these tests are not about.</summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    /// <summary>The test scheme plus the role policies as the console defines them.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(KessanPolicies.Viewer, p => p.RequireRole(KessanRoles.Viewer, KessanRoles.Operator, KessanRoles.Admin))
            .AddPolicy(KessanPolicies.Operator, p => p.RequireRole(KessanRoles.Operator, KessanRoles.Admin))
            .AddPolicy(KessanPolicies.Admin, p => p.RequireRole(KessanRoles.Admin));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var parts = user.Split(';');
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, parts[0]), .. parts.Skip(1).Select(role => new Claim(ClaimTypes.Role, role))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
