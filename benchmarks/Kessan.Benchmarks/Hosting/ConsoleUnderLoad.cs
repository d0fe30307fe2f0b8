using Kessan.Console.Features.LocalMode;
using Kessan.Console.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace Kessan.Benchmarks.Hosting;

/// <summary>The console in-process (see <see cref="InProcessConsole"/>) on the system's clock or one a driver
/// controls, with logging turned down so it does not disturb the measurements. The <see cref="TestUsers"/> can sign
/// in; alerts go to a SQLite file of its own, deleted with it; <paramref name="settings"/> add or override
/// configuration (e.g. <c>Alerts:PollInterval</c>) and <paramref name="services"/> changes the console's services.</summary>
public sealed class ConsoleUnderLoad(TimeProvider clock, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : InProcessConsole
{
    /// <summary>Accepted by <c>POST /api/alerts</c> in the <c>X-Api-Key</c> header.</summary>
    public const string IngestApiKey = "benchmark-ingest-key-0123456789";

    // Field initializers run before the base constructor starts the server, which reads them.
    private readonly TimeProvider _clock = clock;
    private readonly IReadOnlyDictionary<string, string> _settings = settings ?? new Dictionary<string, string>();
    private readonly Action<IServiceCollection>? _services = services;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "kessan-benchmarks-" + Guid.NewGuid().ToString("N"));

    /// <summary>The embedded LocalCloud's address, for starting incidents as an operator would with curl.</summary>
    public Uri LocalCloudAddress => Services.GetRequiredService<EmbeddedLocalCloud>().Address;

    /// <summary>The <c>Cookie</c> header value that signs <paramref name="user"/> in. Asked through a client of its
    /// own: on Kestrel the factory's clients follow the sign-in redirect and keep the cookie to themselves.</summary>
    public async Task<string> SignInCookieAsync(TestUser user)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        return await http.SignInCookieAsync(user);
    }

    /// <summary><paramref name="user"/>'s sign-in as browser cookies for this console, for
    /// <see cref="HeadlessChromium.NewContextAsync"/>.</summary>
    public async Task<Cookie[]> BrowserSignInAsync(TestUser user)
    {
        var header = await SignInCookieAsync(user);
        return [.. header.Split("; ").Select(pair => pair.Split('=', 2)).Select(pair => new Cookie { Name = pair[0], Value = pair[1], Url = BaseAddress.ToString() })];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Scheduled incidents log at Warning by design; here they would only bury the measurements.
        builder.UseSetting("Logging:LogLevel:Kessan.LocalCloud.Simulator", "Error");
        builder.UseSetting("Alerts:Database", Path.Combine(_dataFolder, "alerts.db"));
        builder.UseSetting("Alerts:IngestApiKeys:0", IngestApiKey);
        builder.UseTestUsers();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(_clock));
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
