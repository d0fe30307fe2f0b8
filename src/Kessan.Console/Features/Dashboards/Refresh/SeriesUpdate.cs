namespace Kessan.Console.Features.Dashboards.Refresh;

public readonly record struct MetricPoint(DateTimeOffset Timestamp, double Value);

/// <summary>Why a series shows old data, and since when.</summary>
public sealed record StaleState(DateTimeOffset Since, string Reason);

/// <summary>What a subscriber receives. The first update (and any after a range change) replaces the series;
/// later ones carry only the periods that changed or are new, plus where the window now begins.</summary>
public sealed record SeriesUpdate(
    MetricKey Key,
    bool Replace,
    IReadOnlyList<MetricPoint> Points,
    DateTimeOffset WindowStart,
    DateTimeOffset? LastUpdated,
    StaleState? Stale);
