using System.Diagnostics.Metrics;
using Bunit;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Features.Dashboards;
using Kessan.Console.Features.Dashboards.Refresh;
using Kessan.Console.Shared.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Kessan.Console.Tests.Support;

/// <summary>A bUnit context with the console's dashboard services on a scripted CloudWatch and a fake clock.
/// MudBlazor's popover service is only async-disposable, hence IAsyncLifetime.</summary>
public abstract class ConsoleComponentContext : BunitContext, IAsyncLifetime
{
    protected ConsoleComponentContext()
    {
        CloudWatch = new ScriptedCloudWatch(Clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule("./assets/kessan-browser.js").Setup<string>("timeZone").SetResult("UTC");
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ICloudWatch>(CloudWatch);
        Services.AddSingleton(Options.Create(new DashboardOptions()));
        Services.AddSingleton<IMeterFactory>(new TestMeterFactory());
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<DashboardCatalog>();
        Services.AddSingleton<MetricRefresher>();
        Services.AddScoped<BrowserTimeZone>();
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));

    protected ScriptedCloudWatch CloudWatch { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
