using System.Globalization;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>Reads the histogram query's rows (<see cref="QueryCommands.Histogram"/>): one point per bin, oldest first.</summary>
public static class LogHistogram
{
    public static IReadOnlyList<(DateTimeOffset Time, double Value)> Points(LogResults results) =>
    [
        .. results.Rows
            .Select(row => (Bin: row.Value(QueryCommands.HistogramBin), Count: row.Value(QueryCommands.HistogramCount)))
            .Where(point => InsightsTime.TryParse(point.Bin, out _) && double.TryParse(point.Count, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(point => (
                InsightsTime.TryParse(point.Bin, out var time) ? time : default,
                double.Parse(point.Count, NumberStyles.Float, CultureInfo.InvariantCulture)))
            .OrderBy(point => point.Item1),
    ];
}
