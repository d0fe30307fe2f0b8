using Kessan.Console.Core.Alerts;
using Kessan.Console.Shared;

namespace Kessan.Console.Features.Alerts.Live;

/// <summary>The one stream of alert changes (opened, repeated, acknowledged, resolved) that Blazor components and
/// the hub subscribe to. Callbacks run on the publisher's thread: components marshal with <c>InvokeAsync</c>.</summary>
public sealed partial class AlertFeed : IDisposable
{
    private readonly ILogger<AlertFeed> _logger;
    private readonly IAlertChangeTransport _transport;
    private readonly IDisposable _connection;
    private readonly SubscriberList<AlertChange> _subscribers = new();

    public AlertFeed(IAlertChangeTransport transport, ILogger<AlertFeed> logger)
    {
        _transport = transport;
        _logger = logger;
        _connection = transport.Connect(Deliver);
    }

    /// <summary>Calls <paramref name="onChange"/> for every change from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<AlertChange> onChange) => _subscribers.Subscribe(onChange);

    /// <summary>Sends a change that has been saved to every instance's subscribers.</summary>
    public Task PublishAsync(AlertChange change, CancellationToken cancellationToken) => _transport.SendAsync(change, cancellationToken);

    public void Dispose() => _connection.Dispose();

    private void Deliver(AlertChange change) =>
        _subscribers.Publish(change, (exception, failed) => LogSubscriberFailed(exception, failed.Kind, failed.Alert.Id));

    [LoggerMessage(Level = LogLevel.Warning, Message = "An alert feed subscriber failed on {Kind} of alert {AlertId}")]
    private partial void LogSubscriberFailed(Exception exception, AlertChangeKind kind, long alertId);
}
