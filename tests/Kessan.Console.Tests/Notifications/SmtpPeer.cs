using Kessan.LocalCloud;
using Kessan.LocalCloud.Receivers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Notifications;

/// <summary>A real SMTP server on 127.0.0.1 (LocalCloud's receiver, alone: simulator off, free ports), optionally
/// requiring a login; what it accepts lands in <see cref="Inbox"/>.</summary>
public sealed class SmtpPeer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SmtpPeer(WebApplication app) => _app = app;

    public int Port => _app.Services.GetRequiredService<SmtpReceiver>().Port;

    public LocalInbox Inbox => _app.Services.GetRequiredService<LocalInbox>();

    public static async Task<SmtpPeer> StartAsync(string? username = null, string? password = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LocalCloud:Url"] = "http://127.0.0.1:0",
            ["LocalCloud:Simulator:Enabled"] = "false",
            ["LocalCloud:Smtp:Username"] = username,
            ["LocalCloud:Smtp:Password"] = password,
        };
        var app = LocalCloudHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System, _ => { });
        await app.StartAsync();
        return new SmtpPeer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
