namespace Kessan.Console.Core.Dashboards;

/// <summary>
/// A <c>metric</c> widget with its shorthand rows expanded. Widget-level values are resolved to CloudWatch's
/// defaults (period 300, stat Average, the console's region); each series carries its own resolved values.
/// </summary>
public sealed record MetricWidget(int Index, GridPlacement Placement) : DashboardWidget(Index, Placement)
{
    public const int DefaultPeriod = 300;
    public const string DefaultStat = "Average";

    public required string? Title { get; init; }

    public required MetricView View { get; init; }

    public required bool Stacked { get; init; }

    public required string Region { get; init; }

    /// <summary>Seconds.</summary>
    public required int Period { get; init; }

    public required string Stat { get; init; }

    public required YAxisSettings YAxis { get; init; }

    public required IReadOnlyList<HorizontalAnnotation> HorizontalAnnotations
    {
        get;
        init => field = ValueList<HorizontalAnnotation>.Of(value);
    }

    public required LegendPosition LegendPosition { get; init; }

    public required bool LiveData { get; init; }

    /// <summary>Bar, pie and single-value views: one value over the whole range instead of the latest period.</summary>
    public required bool SetPeriodToTimeRange { get; init; }

    /// <summary>Single-value view: draw a small trend line under the number.</summary>
    public required bool Sparkline { get; init; }

    public required IReadOnlyList<MetricSeries> Series { get; init => field = ValueList<MetricSeries>.Of(value); }
}

public enum MetricView
{
    TimeSeries,
    SingleValue,
    Bar,
    Pie,
    Gauge,
}

public enum LegendPosition
{
    Bottom,
    Right,
    Hidden,
}

public enum AxisSide
{
    Left,
    Right,
}

public sealed record YAxisSettings(AxisSettings Left, AxisSettings Right)
{
    public static YAxisSettings Default { get; } = new(AxisSettings.Default, AxisSettings.Default);
}

public sealed record AxisSettings(double? Min, double? Max, string? Label, bool ShowUnits)
{
    public static AxisSettings Default { get; } = new(null, null, null, ShowUnits: true);
}

/// <summary>
/// A threshold line, or a band from <see cref="Value"/> to <see cref="BandEnd"/> when the body gave a pair
/// (its fill is then <see cref="AnnotationFill.Between"/>).
/// </summary>
public sealed record HorizontalAnnotation(
    double Value, string? Label, string? Color, AnnotationFill Fill, bool Visible, double? BandEnd)
{
    public AxisSide YAxis { get; init; } = AxisSide.Left;

    public bool IsBand => BandEnd is not null;
}

public enum AnnotationFill
{
    None,
    Above,
    Below,
    Between,
}

/// <summary>
/// One expanded metric row. Stat, period and region are resolved: the row's options, else the widget's
/// properties, else CloudWatch's defaults. Compares by value, so equal rows make equal query keys.
/// </summary>
public sealed record MetricSeries(
    string Namespace,
    string MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    string Stat,
    int Period,
    string? Label,
    string? Color,
    AxisSide YAxis,
    bool Visible,
    string? Id,
    string Region)
{
    public IReadOnlyList<MetricDimension> Dimensions { get; init => field = ValueList<MetricDimension>.Of(value); } =
        ValueList<MetricDimension>.Of(Dimensions);
}

public sealed record MetricDimension(string Name, string Value);
