namespace Kessan.Console.Core.Alerts;

/// <summary>Where an alert is in its lifecycle: triggered → acknowledged → resolved, or triggered → resolved.</summary>
public enum AlertState
{
    Triggered,
    Acknowledged,
    Resolved,
}
