using System.Globalization;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>Reads the histogram query's rows (<see cref="QueryCommands.Histogram"/>): one point per bin, oldest first.</summary>
public static class LogHistogram
{
    /// <summary>Logs Insights writes times as UTC in this form (<c>2026-11-20 05:00:00.000</c>).</summary>
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.fff";

    public static IReadOnlyList<(DateTimeOffset Time, double Value)> Points(LogResults results) =>
    [
        .. results.Rows
            .Select(row => (Bin: row.Value(QueryCommands.HistogramBin), Count: row.Value(QueryCommands.HistogramCount)))
            .Where(point => DateTimeOffset.TryParseExact(point.Bin, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                && double.TryParse(point.Count, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(point => (
                DateTimeOffset.ParseExact(point.Bin, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                double.Parse(point.Count, NumberStyles.Float, CultureInfo.InvariantCulture)))
            .OrderBy(point => point.Item1),
    ];
}
