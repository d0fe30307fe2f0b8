using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kessan.Console.Tests.Integration;

/// <summary>The console in local mode with its embedded LocalCloud on a free loopback port; the
/// <see cref="TestUsers"/> sign in with <c>CreateClientSignedInAsync</c>.</summary>
public sealed class LocalConsole : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kessan:DataSource", "local");
        builder.UseSetting("LocalCloud:Url", "http://127.0.0.1:0");
        builder.UseSetting("LocalCloud:Simulator:Backfill", "01:00:00");
        builder.UseTestUsers();
    }
}
