using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Live;

/// <summary>Carries alert changes to the <see cref="AlertFeed"/> of every console instance, this one included.
/// In process by default; PostgreSQL LISTEN/NOTIFY when instances share a PostgreSQL database.</summary>
public interface IAlertChangeTransport
{
    /// <summary>Sends <paramref name="change"/> to every connected feed.</summary>
    Task SendAsync(AlertChange change, CancellationToken cancellationToken);

    /// <summary>Delivers every change sent by any instance to <paramref name="receive"/>, until disposed.</summary>
    IDisposable Connect(Action<AlertChange> receive);
}
