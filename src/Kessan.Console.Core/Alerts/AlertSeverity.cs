namespace Kessan.Console.Core.Alerts;

/// <summary>How urgent an alert is; the backend's AlertManager levels. Ordered: a higher value is more urgent.</summary>
public enum AlertSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
