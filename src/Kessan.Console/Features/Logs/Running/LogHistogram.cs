using System.Globalization;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>Reads the histogram query's rows (<see cref="QueryCommands.Histogram"/>): one point per bin, oldest first.</summary>
public static class LogHistogram
{
    public static IReadOnlyList<(DateTimeOffset Time, double Value)> Points(LogResults results)
    {
        var points = new List<(DateTimeOffset Time, double Value)>(results.Rows.Count);
        foreach (var row in results.Rows)
        {
            if (InsightsTime.TryParse(row.Value(QueryCommands.HistogramBin), out var time)
                && double.TryParse(row.Value(QueryCommands.HistogramCount), NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
            {
                points.Add((time, count));
            }
        }
        return [.. points.OrderBy(point => point.Time)];
    }
}
