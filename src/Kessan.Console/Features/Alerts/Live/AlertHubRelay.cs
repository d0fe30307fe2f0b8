using System.Threading.Channels;
using Kessan.Console.Core.Alerts;
using Microsoft.AspNetCore.SignalR;

namespace Kessan.Console.Features.Alerts.Live;

/// <summary>Relays every change of the <see cref="AlertFeed"/> to the hub's clients, in order. The feed's callback
/// only queues, so a slow connection never holds up the writer that published.</summary>
public sealed partial class AlertHubRelay(AlertFeed feed, IHubContext<AlertHub> hub, ILogger<AlertHubRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = Channel.CreateUnbounded<AlertChange>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = feed.Subscribe(change => queue.Writer.TryWrite(change));
        await foreach (var change in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await hub.Clients.All.SendAsync(AlertHub.AlertChanged, change, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRelayFailed(exception, change.Kind, change.Alert.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Kind} of alert {AlertId} to the hub's clients")]
    private partial void LogRelayFailed(Exception exception, AlertChangeKind kind, long alertId);
}
