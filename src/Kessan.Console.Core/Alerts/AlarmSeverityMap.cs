namespace Kessan.Console.Core.Alerts;

/// <summary>The severity an alarm's alerts get: configured per alarm name, else the default.</summary>
public sealed class AlarmSeverityMap(IReadOnlyDictionary<string, AlertSeverity> byAlarmName, AlertSeverity fallback)
{
    private readonly Dictionary<string, AlertSeverity> _byAlarmName = new(byAlarmName, StringComparer.OrdinalIgnoreCase);

    public AlertSeverity For(string alarmName) => _byAlarmName.GetValueOrDefault(alarmName, fallback);
}
