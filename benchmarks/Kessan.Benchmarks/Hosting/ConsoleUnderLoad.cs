using Kessan.Console.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kessan.Benchmarks.Hosting;

/// <summary>The console in-process (see <see cref="InProcessConsole"/>) on the system's clock or a fake one a
/// driver advances, with logging turned down so it does not disturb the measurements.</summary>
public sealed class ConsoleUnderLoad(TimeProvider clock) : InProcessConsole
{
    private readonly TimeProvider _clock = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Scheduled incidents log at Warning by design; here they would only bury the measurements.
        builder.UseSetting("Logging:LogLevel:Kessan.LocalCloud.Simulator", "Error");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
    }
}
