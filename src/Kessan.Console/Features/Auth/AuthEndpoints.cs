using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Kessan.Console.Features.Auth;

/// <summary>Signing in and out over plain HTTP: the local token link, the OpenID Connect challenge, sign-out.
/// All anonymous: they are how a visitor becomes a user.</summary>
internal static partial class AuthEndpoints
{
    public static void MapLocalSignIn(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(AuthPaths.LocalSignIn, SignInWithLocalTokenAsync).AllowAnonymous().ExcludeFromDescription();

    public static void MapOidcSignIn(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(AuthPaths.OidcSignIn, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = ReturnUrl.LocalOrDefault(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous().ExcludeFromDescription();

    // Anonymous too: a signed-in user without any role must still be able to sign out.
    public static void MapSignOut(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(AuthPaths.SignOut, SignOutAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> SignInWithLocalTokenAsync(
        string? token, string? returnUrl, LocalTokens tokens, HttpContext context, ILogger<LocalTokens> logger)
    {
        switch (tokens.Redeem(token))
        {
            case LocalTokenRedemption.Accepted user:
                var principal = ConsolePrincipal.Create(user.UserName, user.Roles, LocalTokens.SignInMethod);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
                LogSignedIn(logger, user.UserName, principal.HighestRole()!);
                return Results.Redirect(ReturnUrl.LocalOrDefault(returnUrl));
            case LocalTokenRedemption.AlreadyUsed:
                LogRefused(logger, "the one-time link was already used", context.Connection.RemoteIpAddress?.ToString());
                return Results.Redirect(AuthPaths.SignInPageFor(AuthPaths.Reasons.LinkUsed));
            default:
                LogRefused(logger, "no user has that token", context.Connection.RemoteIpAddress?.ToString());
                return Results.Redirect(AuthPaths.SignInPageFor(AuthPaths.Reasons.UnknownToken));
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem("The sign-out form has expired; reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(AuthPaths.SignInPageFor(AuthPaths.Reasons.SignedOut));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in with a local token as {Role}")]
    private static partial void LogSignedIn(ILogger logger, string userName, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A local sign-in from {RemoteAddress} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason, string? remoteAddress);
}
