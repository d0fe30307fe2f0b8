using Kessan.Console.Core.Dashboards;

namespace Kessan.Console.Core.Tests.Dashboards;

/// <summary>Builds dashboard bodies around the part a test is about, and parses them.</summary>
internal static class DashboardBodies
{
    public const string Region = DashboardBodyParser.DefaultRegion;

    public static string Body(params string[] widgets) => $$"""{ "widgets": [ {{string.Join(", ", widgets)}} ] }""";

    public static string Metric(string properties) =>
        $$"""{ "type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {{properties}} }""";

    public static string MetricWith(string metrics) => Metric($$"""{ "metrics": {{metrics}} }""");

    public static DashboardWidget ParseOnlyWidget(string widget) =>
        Assert.Single(DashboardBodyParser.Parse(Body(widget)).Widgets);

    public static MetricWidget ParseMetricWidget(string properties) =>
        Assert.IsType<MetricWidget>(ParseOnlyWidget(Metric(properties)));

    public static IReadOnlyList<MetricSeries> ParseSeries(string metrics) =>
        Assert.IsType<MetricWidget>(ParseOnlyWidget(MetricWith(metrics))).Series;

    /// <summary>The reason the widget cannot be drawn; fails if it can.</summary>
    public static string ReasonFor(string widget) => Assert.IsType<UndrawableWidget>(ParseOnlyWidget(widget)).Reason;

    public static string ReasonForMetrics(string metrics) => ReasonFor(MetricWith(metrics));

    /// <summary>A series as a row without options in a widget without stat, period or region resolves to.</summary>
    public static MetricSeries Series(string metricNamespace, string metricName, params (string Name, string Value)[] dimensions) =>
        new(
            metricNamespace,
            metricName,
            dimensions.Select(dimension => new MetricDimension(dimension.Name, dimension.Value)).ToArray(),
            MetricWidget.DefaultStat,
            MetricWidget.DefaultPeriod,
            Label: null,
            Color: null,
            AxisSide.Left,
            Visible: true,
            Id: null,
            Region);
}
