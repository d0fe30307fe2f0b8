using Kessan.Console.Core.Alerts;
using MudBlazor;

namespace Kessan.Console.Features.Alerts.Pages;

/// <summary>How alerts look on screen: one colour per severity (the seed's Slack colours) and state.</summary>
public static class AlertLook
{
    public static string SeverityColor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "#8B0000",
        AlertSeverity.High => "#ff0000",
        AlertSeverity.Medium => "#ff9500",
        _ => "#36a64f",
    };

    public static Color StateColor(AlertState state) => state switch
    {
        AlertState.Triggered => Color.Error,
        AlertState.Acknowledged => Color.Warning,
        _ => Color.Success,
    };

    public static string StateLabel(AlertState state) => state switch
    {
        AlertState.Triggered => "Unacknowledged",
        AlertState.Acknowledged => "Acknowledged",
        _ => "Resolved",
    };

    public static Color EventColor(AlertEventKind kind) => kind switch
    {
        AlertEventKind.Triggered or AlertEventKind.Repeated => Color.Error,
        AlertEventKind.Acknowledged => Color.Warning,
        _ => Color.Success,
    };

    public static string SourceLabel(AlertSource source) => source == AlertSource.Alarm ? "CloudWatch alarm" : "Application";

    /// <summary>Unacknowledged first, then acknowledged, then resolved; inside each the most severe, then the newest.</summary>
    public static IOrderedEnumerable<Alert> InAttentionOrder(IEnumerable<Alert> alerts) =>
        alerts.OrderBy(a => a.State).ThenByDescending(a => a.Severity).ThenByDescending(a => a.LastFiredAt);
}
