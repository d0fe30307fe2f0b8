using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Live;

/// <summary>One console instance: a change goes straight to this process's feed.</summary>
public sealed class InProcessAlertChangeTransport : IAlertChangeTransport
{
    private Action<AlertChange>? _receive;

    public Task SendAsync(AlertChange change, CancellationToken cancellationToken)
    {
        _receive?.Invoke(change);
        return Task.CompletedTask;
    }

    public IDisposable Connect(Action<AlertChange> receive)
    {
        _receive = receive;
        return new Connection(this);
    }

    private sealed class Connection(InProcessAlertChangeTransport transport) : IDisposable
    {
        public void Dispose() => transport._receive = null;
    }
}
