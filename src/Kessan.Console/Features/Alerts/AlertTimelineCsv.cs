using System.Text;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Shared;

namespace Kessan.Console.Features.Alerts;

/// <summary>The alert timeline as RFC 4180 CSV (CRLF lines, fields quoted when they hold a comma, quote or line
/// break), times in UTC ISO-8601. A text field that a spreadsheet would run as a formula (starting with = + - @)
/// gets a leading apostrophe.</summary>
public static class AlertTimelineCsv
{
    private static readonly string[] Columns =
        ["time", "event", "actor", "note", "detail", "alert_id", "source", "dedup_key", "severity", "title"];

    public static string Write(IEnumerable<AlertTimelineEntry> timeline)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, Columns);
        foreach (var (alertEvent, alert) in timeline)
        {
            CsvText.AppendRow(csv,
            [
                IsoTimestamp.Format(alertEvent.At),
                alertEvent.Kind.Name(),
                CsvText.Text(alertEvent.Actor),
                CsvText.Text(alertEvent.Note),
                CsvText.Text(alertEvent.Detail),
                alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                alert.Source.Name(),
                CsvText.Text(alert.DedupKey),
                alert.Severity.Name(),
                CsvText.Text(alert.Title),
            ]);
        }
        return csv.ToString();
    }
}
