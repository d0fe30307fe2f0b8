using Kessan.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace Kessan.Benchmarks.Viewers;

/// <summary>A viewer in its own Chromium browser context: its own Blazor circuit over a real websocket, charts drawn
/// by ApexCharts in the page.</summary>
internal sealed class BrowserViewer(IPage page) : IDashboardViewer
{
    private const string EveryFooterStartsWith = """
        status => {
            const footers = [...document.querySelectorAll("[data-widget-type='metric'] [data-testid='widget-status']")];
            return footers.length > 0 && footers.every(footer => footer.textContent.startsWith(status));
        }
        """;

    public static async Task<BrowserViewer> OpenAsync(HeadlessChromium chromium, string url, IEnumerable<Cookie> signIn)
    {
        var context = await chromium.NewContextAsync(signIn);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("[data-interactive='true']").WaitForAsync();
        return new BrowserViewer(page);
    }

    public Task WaitForStatusAsync(string status, TimeSpan timeout) =>
        page.WaitForFunctionAsync(EveryFooterStartsWith, status, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds });

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();
}
