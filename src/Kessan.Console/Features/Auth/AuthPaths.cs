namespace Kessan.Console.Features.Auth;

/// <summary>The sign-in addresses, for links, redirects and tests.</summary>
public static class AuthPaths
{
    /// <summary>GET <c>?token=…&amp;returnUrl=…</c>: signs in with a local token.</summary>
    public const string LocalSignIn = "/auth/local";

    /// <summary>GET <c>?returnUrl=…</c>: sends the browser to the OpenID Connect provider.</summary>
    public const string OidcSignIn = "/auth/signin";

    /// <summary>POST with an antiforgery token.</summary>
    public const string SignOut = "/auth/signout";

    /// <summary>The page a signed-out visitor is sent to; says how to sign in.</summary>
    public const string SignInPage = "/signin";

    /// <summary>The page a signed-in user without the needed role is sent to.</summary>
    public const string AccessDeniedPage = "/access-denied";

    /// <summary>Why the sign-in page is shown, in its <c>reason</c> query parameter.</summary>
    public static class Reasons
    {
        public const string LinkUsed = "link-used";
        public const string UnknownToken = "unknown-token";
        public const string SignedOut = "signed-out";
        public const string ProviderFailed = "provider-failed";
    }

    public static string SignInPageFor(string reason) => $"{SignInPage}?reason={reason}";
}
