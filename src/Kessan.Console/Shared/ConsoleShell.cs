using Kessan.Console.Shared.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Kessan.Console.Shared;

/// <summary>The Blazor Server shell every feature renders into: components, MudBlazor, error pages, static assets.</summary>
public static class ConsoleShell
{
    public static IHostApplicationBuilder AddConsoleShell(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<BrowserTimeZone>();
        return builder;
    }

    public static WebApplication UseConsoleShell(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }

    public static WebApplication MapConsoleShell(this WebApplication app)
    {
        // Scripts, styles and fonts are the same for everyone, and the sign-in page needs them before sign-in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/dashboards")).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
