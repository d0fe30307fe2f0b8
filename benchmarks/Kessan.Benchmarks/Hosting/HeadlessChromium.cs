using Microsoft.Playwright;

namespace Kessan.Benchmarks.Hosting;

/// <summary>Debian's Chromium, headless, driven by Playwright with the flags the browser tests use, plus one: without
/// it Chromium 156 loads the WebUI omnibox popups (chrome://omnibox-popup.top-chrome) in a renderer of their own for
/// every new window, i.e. every browser context here, which cost ~1.2 s of CPU per page load on two cores. A person's
/// browser pays that once per window, not once per dashboard. Each viewer gets its own browser context: its own
/// cookies, cache and Blazor circuit, like a separate person.</summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KESSAN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
            ],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <param name="signIn">Cookies the context starts with, e.g. <see cref="ConsoleUnderLoad.BrowserSignInAsync"/>'s:
    /// every page of the console needs a signed-in user, and signing in by navigation would be part of the first load.</param>
    public async Task<IBrowserContext> NewContextAsync(IEnumerable<Cookie>? signIn = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, TimezoneId = "UTC" });
        if (signIn is not null)
        {
            await context.AddCookiesAsync(signIn);
        }
        return context;
    }

    /// <summary>Closes every context first: an open circuit would hold the console's shutdown for ~30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var context in Browser.Contexts.ToArray())
        {
            await context.CloseAsync();
        }
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
