using Microsoft.Playwright;

namespace Kessan.Console.BrowserTests.Support;

/// <summary>One console server and one headless Debian Chromium for the whole collection; each test opens its own
/// browser context and closes it before the server stops (an open circuit would hold shutdown ~30 s).</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ConsoleServer Server { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotDirectory { get; } =
        Path.Combine(FindRepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Server = new ConsoleServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KESSAN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh context signed in as <paramref name="user"/> (a Viewer unless given) and a page on the console,
    /// waited until the circuit is interactive.</summary>
    public async Task<IPage> OpenAsync(string pathAndQuery, TestUser? user = null)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.Url((user ?? TestUsers.Viewer).SignInPath(pathAndQuery)));
        await page.Locator("[data-interactive='true']").WaitForAsync();
        return page;
    }

    /// <summary>Moves the server's clock on by <paramref name="step"/> at a time until <paramref name="done"/> holds,
    /// giving the pages a moment after each step to receive what the server pushes. Fails after two minutes.</summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> done, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Server.Clock.Advance(step);
            for (var poll = 0; poll < 10; poll++)
            {
                if (await done())
                {
                    return;
                }
                await Task.Delay(50);
            }
        }
        Assert.Fail("The pages did not show the change within two minutes.");
    }

    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, TimezoneId = "UTC" });

    public async Task DisposeAsync()
    {
        foreach (var context in Browser.Contexts.ToArray())
        {
            await context.CloseAsync();
        }
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kessan.Console.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
