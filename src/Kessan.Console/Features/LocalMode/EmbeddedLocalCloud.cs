using Kessan.LocalCloud;
using Kessan.LocalCloud.Receivers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kessan.Console.Features.LocalMode;

/// <summary>LocalCloud running inside the console process on its own loopback port. The console's AWS client
/// talks to it over real HTTP, exactly as it talks to CloudWatch.</summary>
public sealed partial class EmbeddedLocalCloud(
    IConfiguration configuration, TimeProvider clock, IEnumerable<LocalCloudServices> services, ILoggerFactory loggerFactory, ILogger<EmbeddedLocalCloud> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private Uri? _address;

    /// <summary>Where LocalCloud listens; known once the console has started.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The embedded LocalCloud has not started yet.");

    /// <summary>The loopback port of LocalCloud's SMTP receiver; known once the console has started.</summary>
    public int SmtpPort => Services.GetRequiredService<SmtpReceiver>().Port;

    /// <summary>What LocalCloud's offline receivers accepted; there once the console has started.</summary>
    public LocalInbox Inbox => Services.GetRequiredService<LocalInbox>();

    private IServiceProvider Services => (_app ?? throw new InvalidOperationException("The embedded LocalCloud has not started yet.")).Services;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var changes = services.ToList();
        _app = LocalCloudHost.Build(configuration, clock, logging => logging.AddProvider(new ForwardingLoggerProvider(loggerFactory)),
            localCloudServices => changes.ForEach(change => change.Configure(localCloudServices)));
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The embedded LocalCloud started without an address.");
        _address = new Uri(address);
        LogStarted(_address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local mode: LocalCloud (CloudWatch + simulator) listens on {Address}; point AWS_ENDPOINT_URL there to use it from other tools")]
    private partial void LogStarted(Uri address);

    /// <summary>Hands LocalCloud's log lines to the console's own logging, so they go where the console's go.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

        public void Dispose()
        {
            // The target factory belongs to the console host.
        }
    }
}

/// <summary>A change to the embedded LocalCloud's own services, applied after its registrations; register one in the
/// console's services (tests hold Insights queries at their checkpoints with it).</summary>
public sealed record LocalCloudServices(Action<IServiceCollection> Configure);
