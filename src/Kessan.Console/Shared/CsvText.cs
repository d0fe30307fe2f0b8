using System.Text;

namespace Kessan.Console.Shared;

/// <summary>RFC 4180 CSV: CRLF lines, a field quoted when it holds a comma, quote or line break (quotes doubled).</summary>
public static class CsvText
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
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

    /// <summary>A text field that a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.</summary>
    public static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
