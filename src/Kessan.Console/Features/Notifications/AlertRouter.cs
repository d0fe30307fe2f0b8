using System.Threading.Channels;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.Console.Features.Notifications.Delivery;
using Kessan.Console.Features.Notifications.Storage;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Notifications;

/// <summary>Sends alerts through the routing rules: an opened alert's trigger to the channels its severity is routed
/// to (CloudWatch-alarm alerts when <see cref="NotificationOptions.RouteAlarmAlerts"/>, application alerts when
/// <see cref="NotificationOptions.RouteApplicationAlerts"/>), and an acknowledgement or resolution to each PagerDuty
/// channel that was sent its trigger, with the same dedup key. Repeats send nothing: the incident is already open.
/// Changes are taken off the alert feed at once and handled here in order, so alert handling never waits on a channel.</summary>
public sealed partial class AlertRouter(
    AlertFeed alerts,
    ChannelCatalog catalog,
    NotificationDispatcher dispatcher,
    DeliveryLog log,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<AlertRouter> logger) : BackgroundService
{
    /// <summary>Who routed deliveries are recorded as requested by.</summary>
    public const string Requester = "routing rules";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Channels do not change while the console runs.
        IReadOnlyList<ChannelDefinition> pagerDuty = [.. catalog.All.Where(c => c.Target is PagerDutyTarget)];
        var changes = Channel.CreateUnbounded<AlertChange>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = alerts.Subscribe(change => changes.Writer.TryWrite(change));
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RouteAsync(change, pagerDuty, stoppingToken);
                }
                catch (DeliveryLogException exception)
                {
                    LogNotRouted(exception, change.Kind, change.Alert.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Sends what <paramref name="change"/> calls for; <paramref name="pagerDuty"/> are the channels that
    /// follow an alert's lifecycle.</summary>
    private async Task RouteAsync(AlertChange change, IReadOnlyList<ChannelDefinition> pagerDuty, CancellationToken cancellationToken)
    {
        var alert = change.Alert;
        switch (change.Kind)
        {
            case AlertChangeKind.Opened when IsRouted(alert.Source):
                foreach (var channel in catalog.Routing.ChannelsFor(alert.Severity))
                {
                    await dispatcher.EnqueueAsync(channel, Notification.ForAlert(alert, NotificationAction.Trigger, clock.GetUtcNow()), Requester, cancellationToken);
                }
                break;

            case AlertChangeKind.Acknowledged or AlertChangeKind.Resolved when pagerDuty.Count > 0:
                var action = change.Kind == AlertChangeKind.Acknowledged ? NotificationAction.Acknowledge : NotificationAction.Resolve;
                var triggered = await log.TriggeredChannelsAsync(alert.Id, cancellationToken);
                foreach (var channel in pagerDuty.Where(c => triggered.Contains(c.Name)))
                {
                    await dispatcher.EnqueueAsync(channel, Notification.ForAlert(alert, action, clock.GetUtcNow()),
                        alert.AcknowledgedBy is { } who && action == NotificationAction.Acknowledge ? who : Requester, cancellationToken);
                }
                break;
        }
    }

    private bool IsRouted(AlertSource source) => source switch
    {
        AlertSource.Alarm => options.Value.RouteAlarmAlerts,
        _ => options.Value.RouteApplicationAlerts,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} of alert {AlertId} could not be routed to the notification channels")]
    private partial void LogNotRouted(Exception exception, AlertChangeKind kind, long alertId);
}
