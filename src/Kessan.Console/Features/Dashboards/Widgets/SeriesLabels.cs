using Kessan.Console.Core.Dashboards;

namespace Kessan.Console.Features.Dashboards.Widgets;

/// <summary>Legend names: the row's label when it has one, else the metric name, followed by the dimension
/// values that tell it apart from the widget's other series (three "APIRequests" lines need their endpoints).</summary>
public static class SeriesLabels
{
    public static IReadOnlyList<string> For(IReadOnlyList<MetricSeries> series) =>
        series.Select(s => s.Label ?? DefaultLabel(s, series)).ToArray();

    private static string DefaultLabel(MetricSeries current, IReadOnlyList<MetricSeries> all)
    {
        var distinguishing = current.Dimensions
            .Where(d => all.Any(other => !ReferenceEquals(other, current) && other.Dimensions.Any(o => o.Name == d.Name && o.Value != d.Value)))
            .Select(d => d.Value)
            .ToList();
        var sameMetricElsewhere = all.Any(other => !ReferenceEquals(other, current) && other.MetricName == current.MetricName && other.Namespace == current.Namespace);
        return sameMetricElsewhere && distinguishing.Count > 0
            ? $"{current.MetricName} {string.Join(" ", distinguishing)}"
            : current.MetricName;
    }
}
