namespace Kessan.Console.Core.Alerts;

/// <summary>What happened to an alert, as every open screen and hub client hears it.</summary>
public enum AlertChangeKind
{
    Opened,
    Repeated,
    Acknowledged,
    Resolved,
}

/// <summary>One event of the alert stream: the alert as it is now, and how many alerts await acknowledgement.</summary>
public sealed record AlertChange(AlertChangeKind Kind, Alert Alert, int UnacknowledgedCount);
