using System.Globalization;
using System.Text;
using System.Text.Json;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Shared;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>One result row: its values by field and the <c>@ptr</c> that fetches the whole event (absent for
/// aggregated rows). <see cref="Number"/> is its place in the order the query returned.</summary>
public sealed record LogRow(int Number, IReadOnlyDictionary<string, string> Values, string? Pointer)
{
    public string Value(string field) => Values.TryGetValue(field, out var value) ? value : "";
}

/// <summary>A query's rows and their columns: the fields in the order the query gives them, without <c>@ptr</c>.</summary>
public sealed record LogResults(IReadOnlyList<string> Columns, IReadOnlyList<LogRow> Rows)
{
    public const string PointerField = "@ptr";

    public static LogResults Empty { get; } = new([], []);

    public static LogResults From(IReadOnlyList<IReadOnlyList<ResultField>>? results)
    {
        if (results is null || results.Count == 0)
        {
            return Empty;
        }

        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new LogRow[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var values = results[i].ToDictionary();
            foreach (var field in results[i])
            {
                if (field.Field is { } name && name != PointerField && seen.Add(name))
                {
                    columns.Add(name);
                }
            }
            rows[i] = new LogRow(i, values, values.GetValueOrDefault(PointerField));
        }

        return new LogResults(columns, rows);
    }

    /// <summary>The rows ordered by <paramref name="column"/>: numerically when both values are numbers, else by
    /// ordinal text; empty values last. Equal values keep the query's order.</summary>
    public IReadOnlyList<LogRow> SortedBy(string column, bool descending)
    {
        // Each value is read and parsed once, not in every comparison: 10,000 rows take ~130,000 comparisons.
        var keys = Rows.Select(row =>
        {
            var text = row.Value(column);
            return new SortKey(row, text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null);
        });
        var comparer = Comparer<SortKey>.Create((a, b) =>
        {
            if (a.Text.Length == 0 || b.Text.Length == 0)
            {
                return (a.Text.Length == 0).CompareTo(b.Text.Length == 0);
            }
            var order = a.Number is { } x && b.Number is { } y ? x.CompareTo(y) : string.CompareOrdinal(a.Text, b.Text);
            return descending ? -order : order;
        });
        return [.. keys.Order(comparer).ThenBy(key => key.Row.Number).Select(key => key.Row)];
    }

    /// <summary>RFC 4180 CSV with a header of the columns. A text value a spreadsheet would run as a formula gets a
    /// leading apostrophe; numbers stay as they are.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, Columns);
        foreach (var row in Rows)
        {
            CsvText.AppendRow(csv, [.. Columns.Select(column => Cell(row.Value(column)))]);
        }
        return csv.ToString();
    }

    /// <summary>A JSON array of objects, one per row, with the columns in order (values as the query gave them: text).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                foreach (var column in Columns)
                {
                    if (row.Values.TryGetValue(column, out var value))
                    {
                        json.WriteString(column, value);
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Cell(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value : CsvText.Text(value);

    private readonly record struct SortKey(LogRow Row, string Text, double? Number);
}
