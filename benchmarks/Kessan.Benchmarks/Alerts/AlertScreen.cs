using System.Globalization;
using Kessan.Benchmarks.Hosting;
using Kessan.Console.Testing;
using Microsoft.Playwright;

namespace Kessan.Benchmarks.Alerts;

/// <summary>An <c>/alerts</c> page in a Chromium context of its own, signed in as a <see cref="TestUser"/>. A script
/// installed before the page's own code notes, on the page's clock, when each alert row first showed in each state,
/// and when the acknowledgement dialog's confirm button was clicked. Page times are milliseconds since the Unix epoch
/// (<c>performance.timeOrigin + performance.now()</c>): every context on this machine reads the same system clock,
/// so times from two screens, or from a screen and this process, can be subtracted.</summary>
internal sealed class AlertScreen
{
    private const string Marks = """
        (() => {
            const rows = window.__kessanRows = {};
            const now = () => performance.timeOrigin + performance.now();
            new MutationObserver(() => {
                const at = now();
                for (const row of document.querySelectorAll("[data-testid='alert-row']")) {
                    const key = row.getAttribute("data-alert-id") + "/" + row.getAttribute("data-state");
                    if (!(key in rows)) rows[key] = at;
                }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
            document.addEventListener("click", event => {
                if (event.target.closest("[data-testid='acknowledge-confirm']")) window.__kessanConfirmedAt = now();
            }, true);
        })();
        """;

    private AlertScreen(IPage page) => Page = page;

    public IPage Page { get; }

    /// <summary>Signs <paramref name="user"/> in, opens <c>/alerts</c> and waits until the circuit is interactive.</summary>
    public static async Task<AlertScreen> OpenAsync(HeadlessChromium chromium, ConsoleUnderLoad console, TestUser user)
    {
        var context = await chromium.NewContextAsync();
        await context.AddInitScriptAsync(Marks);
        var page = await context.NewPageAsync();
        await page.GotoAsync(console.Url(user.SignInPath("/alerts")));
        await page.Locator("[data-interactive='true']").WaitForAsync();
        return new AlertScreen(page);
    }

    /// <summary>Waits until the row of alert <paramref name="alertId"/> has shown in <paramref name="state"/> and
    /// returns when it first did (page time, ms since the epoch).</summary>
    public async Task<double> RowShownAsync(long alertId, string state, TimeSpan timeout)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{alertId}/{state}");
        try
        {
            await Page.WaitForFunctionAsync("key => key in window.__kessanRows", key,
                new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 20 });
        }
        catch (TimeoutException exception)
        {
            var seen = await Page.EvaluateAsync<string>("() => Object.keys(window.__kessanRows).join(', ')");
            var reconnect = await Page.EvaluateAsync<string?>("() => document.querySelector('#components-reconnect-modal')?.className ?? null");
            throw new TimeoutException($"Row {key} did not show within {timeout.TotalSeconds:0} s; rows seen: {seen}; reconnect dialog: {reconnect ?? "none"}.", exception);
        }
        return await Page.EvaluateAsync<double>("key => window.__kessanRows[key]", key);
    }

    /// <summary>When the acknowledgement dialog's confirm button was last clicked (page time, ms since the epoch).</summary>
    public Task<double> ConfirmedAtAsync() => Page.EvaluateAsync<double>("() => window.__kessanConfirmedAt");

    /// <summary>Acknowledges alert <paramref name="alertId"/> as an operator does: Acknowledge on its row, a note, confirm.</summary>
    public async Task AcknowledgeAsync(long alertId, string note)
    {
        await Page.Locator(string.Create(CultureInfo.InvariantCulture, $"[data-testid='alert-row'][data-alert-id='{alertId}']"))
            .GetByTestId("acknowledge").ClickAsync();
        await Page.GetByLabel("Note (optional)").FillAsync(note);
        await Page.GetByTestId("acknowledge-confirm").ClickAsync();
    }
}
