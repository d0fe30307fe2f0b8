using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Auth;

/// <summary>Sign-in and roles, enforced on the server. Every page, hub and endpoint needs a signed-in Viewer (the
/// fallback policy) unless it says otherwise: an endpoint with its own authentication (an alert webhook, SNS)
/// opts out with <c>.AllowAnonymous()</c>; one that needs more asks for it with
/// <c>.RequireAuthorization(KessanPolicies.Operator)</c> or <c>[Authorize(Policy = KessanPolicies.Operator)]</c>
/// on a page, hub or hub method.</summary>
public static class ConsoleAuth
{
    /// <summary>Where the console listens when nothing says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    // Addresses for programs rather than people: they get 401/403, not a redirect to the sign-in page.
    private static readonly string[] MachinePaths = ["/api", "/hubs", "/_blazor"];

    public static WebApplicationBuilder AddConsoleAuth(this WebApplicationBuilder builder)
    {
        ListenOnLoopbackUnlessConfigured(builder);

        var settings = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Kessan.Console");
        if (!string.IsNullOrWhiteSpace(settings.KeysFolder))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(settings.KeysFolder));
        }

        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => ConfigureCookie(cookie, auth.Value));
        if (settings.UsesOidc)
        {
            authentication.AddOpenIdConnect();
            builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .Configure<IOptions<AuthOptions>, ILoggerFactory>((oidc, auth, loggers) =>
                    OidcSignIn.Configure(oidc, auth.Value.Oidc, loggers.CreateLogger(typeof(OidcSignIn).FullName!)));
        }
        else
        {
            builder.Services.AddSingleton<LocalTokens>();
            builder.Services.AddHostedService<LocalSignInAnnouncement>();
        }

        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var (policy, role) in KessanPolicies.Roles)
        {
            authorization.AddPolicy(policy, Granting(role));
        }
        authorization.SetFallbackPolicy(Granting(KessanRoles.Viewer));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication UseConsoleAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: antiforgery tokens are bound to the signed-in user.
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsoleAuth(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.UsesOidc)
        {
            app.MapOidcSignIn();
        }
        else
        {
            app.MapLocalSignIn();
        }
        app.MapSignOut();
        return app;
    }

    /// <summary>A signed-in user holding <paramref name="role"/> or a role above it.</summary>
    private static AuthorizationPolicy Granting(string role) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(KessanRoles.Granting(role)).Build();

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthOptions auth)
    {
        cookie.Cookie.Name = "kessan.auth";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = auth.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = AuthPaths.SignInPage;
        cookie.AccessDeniedPath = AuthPaths.AccessDeniedPage;
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Events.OnRedirectToLogin = StatusForMachines(StatusCodes.Status401Unauthorized, cookie.Events.OnRedirectToLogin);
        cookie.Events.OnRedirectToAccessDenied = StatusForMachines(StatusCodes.Status403Forbidden, cookie.Events.OnRedirectToAccessDenied);
    }

    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> StatusForMachines(
        int status, Func<RedirectContext<CookieAuthenticationOptions>, Task> forPeople) => context =>
    {
        if (!MachinePaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            return forPeople(context);
        }
        context.Response.StatusCode = status;
        // The status is the whole answer: no "not found" page rendered over it.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        return Task.CompletedTask;
    };

    /// <summary>The local default hands out an administrator link, so until someone chooses an address (ASPNETCORE_URLS,
    /// urls, http_ports, Kestrel:Endpoints) only this machine may connect.</summary>
    private static void ListenOnLoopbackUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var chosen = new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
                .Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!chosen)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
