namespace Kessan.Console.Core.Alerts;

/// <summary>A transition in an alert's audit trail. An alert has one Triggered, at most one Acknowledged and at
/// most one Resolved event; Repeated is recorded for every further report of the same open firing.</summary>
public enum AlertEventKind
{
    Triggered,
    Repeated,
    Acknowledged,
    Resolved,
}
