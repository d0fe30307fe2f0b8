using System.Text;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts;

/// <summary>The alert timeline as RFC 4180 CSV (CRLF lines, fields quoted when they hold a comma, quote or line
/// break), times in UTC ISO-8601. A text field that a spreadsheet would run as a formula (starting with = + - @)
/// gets a leading apostrophe.</summary>
public static class AlertTimelineCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Columns =
        ["time", "event", "actor", "note", "detail", "alert_id", "source", "dedup_key", "severity", "title"];

    public static string Write(IEnumerable<AlertTimelineEntry> timeline)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var (alertEvent, alert) in timeline)
        {
            AppendRow(csv,
            [
                IsoTimestamp.Format(alertEvent.At),
                alertEvent.Kind.Name(),
                Text(alertEvent.Actor),
                Text(alertEvent.Note),
                Text(alertEvent.Detail),
                alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                alert.Source.Name(),
                Text(alert.DedupKey),
                alert.Severity.Name(),
                Text(alert.Title),
            ]);
        }
        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }
        csv.Append("\r\n");
    }

    private static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
