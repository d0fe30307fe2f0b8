using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kessan.Console.Features.Auth;

/// <summary>The OpenID Connect handler's settings: authorization code flow with PKCE, no provider tokens kept, and
/// the provider's user replaced by a console user (name and mapped roles) before the cookie is written.</summary>
internal static partial class OidcSignIn
{
    public static void Configure(OpenIdConnectOptions oidc, OidcOptions settings, ILogger logger)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        oidc.SaveTokens = false;
        // Validation lets plain http through only for a provider on this machine (a local Keycloak, say).
        oidc.RequireHttpsMetadata = new Uri(settings.Authority!).Scheme == Uri.UriSchemeHttps;
        // Keep the provider's claim names, so RoleClaim means what the provider calls it.
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        foreach (var scope in settings.ExtraScopes().Where(scope => !oidc.Scope.Contains(scope)))
        {
            oidc.Scope.Add(scope);
        }

        var roleMap = new OidcRoleMap(settings);
        oidc.Events.OnTokenValidated = context =>
        {
            context.Principal = roleMap.ToConsoleUser(context.Principal!);
            LogSignedIn(logger, context.Principal.Identity!.Name!, context.Principal.HighestRole() ?? "no role");
            return Task.CompletedTask;
        };
        oidc.Events.OnRemoteFailure = context =>
        {
            LogProviderFailed(logger, context.Failure?.Message ?? "no reason given");
            context.Response.Redirect(AuthPaths.SignInPageFor(AuthPaths.Reasons.ProviderFailed));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in through OpenID Connect as {Role}")]
    private static partial void LogSignedIn(ILogger logger, string userName, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID Connect sign-in failed: {Reason}")]
    private static partial void LogProviderFailed(ILogger logger, string reason);
}
