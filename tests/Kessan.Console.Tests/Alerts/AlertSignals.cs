using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Tests.Alerts;

/// <summary>Builds the reports sources send, with defaults a test only overrides when it matters.</summary>
public static class AlertSignals
{
    public static readonly AlarmSeverityMap Severities = new(new Dictionary<string, AlertSeverity> { ["Kessan-prod-API-HighErrorRate"] = AlertSeverity.Critical }, AlertSeverity.High);

    public static AlertSignal AlarmFires(string alarmName, DateTimeOffset at) => Alarm(alarmName, AlarmTransition.Alarm, at);

    public static AlertSignal AlarmRecovers(string alarmName, DateTimeOffset at) => Alarm(alarmName, AlarmTransition.Ok, at);

    public static AlertSignal ApplicationFires(string title, DateTimeOffset at, AlertSeverity severity = AlertSeverity.High, string message = "CPU usage is 92%") =>
        new ApplicationAlertReport
        {
            Title = title,
            Message = message,
            Severity = severity,
            Context = JsonSerializer.SerializeToElement(new { cpu_percent = 92 }),
            Timestamp = at,
        }.ToSignal();

    private static AlertSignal Alarm(string alarmName, string state, DateTimeOffset at) =>
        new AlarmTransition(alarmName, "", state, "Threshold Crossed", at, JsonSerializer.SerializeToElement(new { alarmName })).ToSignal(Severities)!;
}
