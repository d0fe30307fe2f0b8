namespace Kessan.Console.Core.Alerts;

/// <summary>What raised an alert: a CloudWatch alarm (watcher or SNS) or the backend application (AlertManager).</summary>
public enum AlertSource
{
    Alarm,
    Application,
}
