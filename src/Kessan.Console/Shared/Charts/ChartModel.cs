using System.Text.Json.Serialization;

namespace Kessan.Console.Shared.Charts;

[JsonConverter(typeof(JsonStringEnumConverter<ChartKind>))]
public enum ChartKind
{
    [JsonStringEnumMemberName("line")] Line,
    [JsonStringEnumMemberName("area")] Area,
    [JsonStringEnumMemberName("bar")] Bar,
    [JsonStringEnumMemberName("pie")] Pie,
}

/// <summary>What a chart looks like, independent of its data: the typed model the chart module turns into
/// ApexCharts options. Data arrives separately (whole series, appended points or category values).</summary>
public sealed record ChartModel
{
    public required ChartKind Kind { get; init; }
    public bool Stacked { get; init; }
    public required IReadOnlyList<ChartSeriesInfo> Series { get; init; }
    public ChartAxis? LeftAxis { get; init; }
    public ChartAxis? RightAxis { get; init; }
    public IReadOnlyList<ChartThreshold> Thresholds { get; init; } = [];
    public IReadOnlyList<ChartTimeBand> TimeBands { get; init; } = [];
    public bool Dark { get; init; }

    /// <summary>IANA zone for time labels; null shows the browser's own zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The value's name in bar charts' tooltips (e.g. the statistic).</summary>
    public string? ValueName { get; init; }

    public string? NoDataText { get; init; }

    public bool Equals(ChartModel? other) =>
        other is not null
        && Kind == other.Kind && Stacked == other.Stacked && Dark == other.Dark
        && TimeZone == other.TimeZone && ValueName == other.ValueName && NoDataText == other.NoDataText
        && LeftAxis == other.LeftAxis && RightAxis == other.RightAxis
        && Series.SequenceEqual(other.Series) && Thresholds.SequenceEqual(other.Thresholds) && TimeBands.SequenceEqual(other.TimeBands);

    public override int GetHashCode() => HashCode.Combine(Kind, Stacked, Dark, TimeZone, Series.Count);
}

public sealed record ChartSeriesInfo(string Name, string? Color = null, bool RightAxis = false);

public sealed record ChartAxis(double? Min, double? Max, string? Label);

/// <summary>A horizontal line at <see cref="Value"/>, or a band up to <see cref="BandEnd"/>.</summary>
public sealed record ChartThreshold(double Value, string? Label = null, string? Color = null, double? BandEnd = null);

/// <summary>A shaded stretch of time, e.g. the periods an alarm evaluated.</summary>
public sealed record ChartTimeBand(long StartMs, long EndMs, string? Label = null, string? Color = null);

/// <summary>Points of one series, columnar to keep the interop payload small.</summary>
public sealed record ChartPoints(long[] T, double[] V)
{
    public static ChartPoints From(IReadOnlyCollection<(DateTimeOffset Time, double Value)> points) =>
        new(points.Select(p => p.Time.ToUnixTimeMilliseconds()).ToArray(), points.Select(p => p.Value).ToArray());
}

/// <summary>New or changed points for one series (all of them when <see cref="Replace"/>); everything before
/// <see cref="DropBeforeMs"/> leaves the chart.</summary>
public sealed record ChartAppend(int SeriesIndex, ChartPoints Points, long DropBeforeMs, bool Replace);
