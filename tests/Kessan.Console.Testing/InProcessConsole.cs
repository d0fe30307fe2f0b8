using System.Diagnostics.Metrics;
using System.Net;
using Kessan.Console.Features.Dashboards;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Testing;

/// <summary>The whole console in local mode, in this process, on a free loopback port: embedded LocalCloud, its
/// simulator, the real AWS client over HTTP, real Blazor circuits. Every GetMetricData call the shared refresher
/// makes is counted through its own meter, as an operator would watch it. Subclasses add their settings in
/// <see cref="ConfigureWebHost"/> (calling this one) and must set up anything it reads in field initializers, which
/// run before the server starts in this constructor.</summary>
public abstract class InProcessConsole : WebApplicationFactory<Program>
{
    public const string CallsInstrument = "kessan.dashboards.getmetricdata.calls";

    private readonly MeterListener _listener = new();
    private long _getMetricDataCalls;

    protected InProcessConsole()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DashboardOptions.MeterName && instrument.Name == CallsInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _getMetricDataCalls, value));
        _listener.Start();
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public long GetMetricDataCalls => Interlocked.Read(ref _getMetricDataCalls);

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: static web assets (MudBlazor, blazor.web.js, the chart bundle) come from the build folders.
        builder.UseEnvironment("Development");
        builder.UseSetting("Kessan:DataSource", "local");
        builder.UseSetting("LocalCloud:Url", "http://127.0.0.1:0");
    }

    protected override void Dispose(bool disposing)
    {
        _listener.Dispose();
        base.Dispose(disposing);
    }
}
