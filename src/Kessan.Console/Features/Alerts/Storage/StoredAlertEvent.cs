using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>An audit-trail row. <see cref="TransitionKey"/> is unique, so a source's report is stored once however
/// often it is heard; (alert, kind) is unique except for repeats, so an alert is never acknowledged or resolved twice.</summary>
public sealed class StoredAlertEvent
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public StoredAlert? Alert { get; set; }
    public AlertEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
    public string? Detail { get; set; }
    public string? TransitionKey { get; set; }

    public static StoredAlertEvent Record(AlertSignal signal, AlertEventKind kind, long alertId = 0) => new()
    {
        AlertId = alertId,
        Kind = kind,
        At = signal.At,
        Actor = signal.Actor,
        Detail = signal.Detail,
        TransitionKey = signal.TransitionKey,
    };

    public AlertEvent ToEvent() => new(Id, AlertId, Kind, At, Actor, Note, Detail);
}
