using Bunit;
using Kessan.Benchmarks.Hosting;
using Kessan.Console.Features.Dashboards;
using Kessan.Console.Shared.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Kessan.Benchmarks.Viewers;

/// <summary>A viewer without a browser: <see cref="DashboardPage"/> rendered by bUnit in its own renderer (its own
/// "circuit": own scoped services, own dispatcher), wired to the running console's singletons, so it loads the
/// dashboard through the console's catalog and subscribes to the console's own <c>MetricRefresher</c> exactly as a
/// circuit does. JavaScript calls (chart drawing, time zone) are answered empty; the browser zone is then UTC.</summary>
internal sealed class RenderedViewer(BunitContext context, AsyncServiceScope scope, IRenderedComponent<DashboardPage> page) : IDashboardViewer
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static RenderedViewer Open(ConsoleUnderLoad console, string dashboard, string refresh)
    {
        // A circuit gets its own scope of the console's container; singletons (catalog, refresher) are shared.
        var scope = console.Services.CreateAsyncScope();
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddScoped<BrowserTimeZone>();
        context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        context.Render<MudPopoverProvider>();
        // The page reads refresh= from the URL, as in a browser.
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/dashboards/{dashboard}?refresh={refresh}");
        var page = context.Render<DashboardPage>(parameters => parameters.Add(p => p.Name, dashboard));
        return new RenderedViewer(context, scope, page);
    }

    public async Task WaitForStatusAsync(string status, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!await context.Renderer.Dispatcher.InvokeAsync(() => EveryFooterStartsWith(status)))
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"A rendered viewer's widgets did not all read \"{status}\" within {timeout.TotalSeconds:0} s; the page shows: {string.Join(" | ", await context.Renderer.Dispatcher.InvokeAsync(Footers))}");
            }
            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await scope.DisposeAsync();
    }

    // The markup is read on the renderer's dispatcher: refresher pushes re-render it from other threads.
    private bool EveryFooterStartsWith(string status)
    {
        var footers = Footers();
        return footers.Count > 0 && footers.All(footer => footer.StartsWith(status, StringComparison.Ordinal));
    }

    private List<string> Footers() =>
        page.FindAll("[data-widget-type='metric'] [data-testid='widget-status']").Select(footer => footer.TextContent).ToList();
}
