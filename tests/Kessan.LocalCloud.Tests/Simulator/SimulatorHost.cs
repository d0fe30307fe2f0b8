using Kessan.LocalCloud.Dashboards;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Metrics;
using Kessan.LocalCloud.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.LocalCloud.Tests.Simulator;

/// <summary>The simulator wired as LocalCloudHost wires it, on 127.0.0.1 with a free port, a fake clock, a
/// recording metric sink in place of the metric store, and the real log store.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    /// <summary>Wednesday 10:00 in Tokyo, on a minute boundary.</summary>
    public static readonly DateTimeOffset Now = SimulatedTraffic.Wednesday.AddHours(10);

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, FakeTimeProvider clock, RecordingMetricSink sink)
    {
        _app = app;
        Clock = clock;
        Sink = sink;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public FakeTimeProvider Clock { get; }

    public RecordingMetricSink Sink { get; }

    public HttpClient Client { get; }

    public DashboardStore Dashboards => _app.Services.GetRequiredService<DashboardStore>();

    public LogStore Logs => _app.Services.GetRequiredService<LogStore>();

    public TrafficSimulator Simulator => _app.Services.GetServices<IHostedService>().OfType<TrafficSimulator>().Single();

    /// <param name="settings">Keys under <c>LocalCloud:Simulator</c>, e.g. ("Backfill", "00:01:00").</param>
    public static async Task<SimulatorHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var clock = new FakeTimeProvider(Now);
        var sink = new RecordingMetricSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => $"LocalCloud:Simulator:{s.Key}", s => (string?)s.Value));
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOptions<LocalCloudOptions>()
            .BindConfiguration(LocalCloudOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<DashboardStore>();
        builder.Services.AddSingleton<IMetricSink>(sink);
        builder.Services.AddSingleton<LogStore>();
        builder.Services.AddSingleton<ILogSink>(provider => provider.GetRequiredService<LogStore>());
        builder.Services.AddTrafficSimulator();

        var app = builder.Build();
        app.MapTrafficSimulator();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SimulatorHost(app, clock, sink);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
