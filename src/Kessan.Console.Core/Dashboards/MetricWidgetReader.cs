using System.Text.Json;

namespace Kessan.Console.Core.Dashboards;

/// <summary>Reads the <c>properties</c> of a <c>metric</c> widget into a <see cref="MetricWidget"/>.</summary>
internal static class MetricWidgetReader
{
    private static readonly (string, MetricView)[] Views =
    [
        ("timeSeries", MetricView.TimeSeries),
        ("singleValue", MetricView.SingleValue),
        ("bar", MetricView.Bar),
        ("pie", MetricView.Pie),
        ("gauge", MetricView.Gauge),
    ];

    private static readonly (string, LegendPosition)[] LegendPositions =
    [
        ("bottom", LegendPosition.Bottom),
        ("right", LegendPosition.Right),
        ("hidden", LegendPosition.Hidden),
    ];

    private static readonly (string, AxisSide)[] AxisSides = [("left", AxisSide.Left), ("right", AxisSide.Right)];

    private static readonly (string, AnnotationFill)[] Fills = [("above", AnnotationFill.Above), ("below", AnnotationFill.Below)];

    // CloudWatch takes 1, 5, 10 and 30 seconds (high-resolution metrics) or any multiple of a minute.
    private static readonly int[] SubMinutePeriods = [1, 5, 10, 30];

    public static MetricWidget Read(PropertyReader properties, int index, GridPlacement placement, string defaultRegion)
    {
        if (properties.String("view") == "table")
        {
            throw new DashboardWidgetException("the table view is not supported yet");
        }
        var region = properties.String("region") ?? defaultRegion;
        var period = Period(properties) ?? MetricWidget.DefaultPeriod;
        var stat = properties.String("stat") ?? MetricWidget.DefaultStat;
        var metrics = properties.RequiredArray("metrics");
        if (metrics.GetArrayLength() == 0)
        {
            throw new DashboardWidgetException($"{properties.PathOf("metrics")} is empty");
        }
        var series = MetricRowShorthand.Expand(metrics).Select(row => Series(row, stat, period, region)).ToArray();

        return new MetricWidget(index, placement)
        {
            Title = properties.String("title"),
            View = properties.Choice("view", Views) ?? MetricView.TimeSeries,
            Stacked = properties.Boolean("stacked", absent: false),
            Region = region,
            Period = period,
            Stat = stat,
            YAxis = YAxis(properties.Object("yAxis")),
            HorizontalAnnotations = HorizontalAnnotations(properties.Object("annotations")),
            LegendPosition = properties.Object("legend")?.Choice("position", LegendPositions) ?? LegendPosition.Bottom,
            LiveData = properties.Boolean("liveData", absent: false),
            SetPeriodToTimeRange = properties.Boolean("setPeriodToTimeRange", absent: false),
            Sparkline = properties.Boolean("sparkline", absent: false),
            Series = series,
        };
    }

    private static MetricSeries Series(MetricRow row, string stat, int period, string region)
    {
        var options = row.Options;
        var dimensions = new List<MetricDimension>();
        for (var at = 2; at < row.Values.Count; at += 2)
        {
            dimensions.Add(new MetricDimension(row.Values[at], row.Values[at + 1]));
        }
        return new MetricSeries(
            row.Values[0],
            row.Values[1],
            dimensions,
            options?.String("stat") ?? stat,
            (options is { } given ? Period(given) : null) ?? period,
            options?.String("label"),
            options?.String("color"),
            options?.Choice("yAxis", AxisSides) ?? AxisSide.Left,
            options?.Boolean("visible", absent: true) ?? true,
            options?.String("id"),
            options?.String("region") ?? region);
    }

    private static int? Period(PropertyReader reader)
    {
        var period = reader.WholeNumber("period", 1, int.MaxValue, "a whole number of seconds");
        return period is null || period % 60 == 0 || SubMinutePeriods.Contains(period.Value)
            ? period
            : throw new DashboardWidgetException(
                $"{reader.PathOf("period")} must be 1, 5, 10, 30 or a multiple of 60 seconds (got {period})");
    }

    private static YAxisSettings YAxis(PropertyReader? yAxis) =>
        yAxis is { } axes ? new YAxisSettings(Axis(axes.Object("left")), Axis(axes.Object("right"))) : YAxisSettings.Default;

    private static AxisSettings Axis(PropertyReader? axis) =>
        axis is { } given
            ? new AxisSettings(given.Number("min"), given.Number("max"), given.String("label"), given.Boolean("showUnits", absent: true))
            : AxisSettings.Default;

    private static IReadOnlyList<HorizontalAnnotation> HorizontalAnnotations(PropertyReader? annotations)
    {
        if (annotations?.Array("horizontal") is not { } horizontal)
        {
            return [];
        }
        var place = annotations.Value.PathOf("horizontal");
        return horizontal.EnumerateArray().Select((entry, at) => HorizontalAnnotation(entry, $"{place}[{at}]")).ToArray();
    }

    private static HorizontalAnnotation HorizontalAnnotation(JsonElement entry, string place)
    {
        switch (entry.ValueKind)
        {
            case JsonValueKind.Object:
                return Line(new PropertyReader(entry, place));
            case JsonValueKind.Array when entry.GetArrayLength() == 2
                && entry[0].ValueKind == JsonValueKind.Object
                && entry[1].ValueKind == JsonValueKind.Object:
                var end = new PropertyReader(entry[1], $"{place}[1]").RequiredNumber("value");
                return Line(new PropertyReader(entry[0], $"{place}[0]")) with { Fill = AnnotationFill.Between, BandEnd = end };
            default:
                throw new DashboardWidgetException(
                    $"{place} must be an object with a value, or a pair of them for a band (got {PropertyReader.Describe(entry)})");
        }
    }

    private static HorizontalAnnotation Line(PropertyReader annotation) =>
        new(
            annotation.RequiredNumber("value"),
            annotation.String("label"),
            annotation.String("color"),
            annotation.Choice("fill", Fills) ?? AnnotationFill.None,
            annotation.Boolean("visible", absent: true),
            BandEnd: null)
        {
            YAxis = annotation.Choice("yAxis", AxisSides) ?? AxisSide.Left,
        };
}
