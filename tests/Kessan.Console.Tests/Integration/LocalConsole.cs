using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Kessan.Console.Tests.Integration;

/// <summary>The console in local mode with its embedded LocalCloud on a free loopback port, its alert database in
/// a temp folder (deleted on dispose); the <see cref="TestUsers"/> sign in with <c>CreateClientSignedInAsync</c>.</summary>
public sealed class LocalConsole : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kessan-local-console-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kessan:DataSource", "local");
        builder.UseSetting("LocalCloud:Url", "http://127.0.0.1:0");
        builder.UseSetting("LocalCloud:Simulator:Backfill", "01:00:00");
        builder.UseSetting("Alerts:Database", Path.Combine(_folder, "alerts.db"));
        builder.UseTestUsers();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
