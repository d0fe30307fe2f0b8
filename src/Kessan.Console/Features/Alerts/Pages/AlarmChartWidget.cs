using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Dashboards;
using Kessan.Console.Core.Time;
using Kessan.Console.Shared.Charts;

namespace Kessan.Console.Features.Alerts.Pages;

/// <summary>The chart an alarm alert shows: the alarm's metric and statistic around the firing, the threshold as a
/// line, the evaluation periods that fired it and the time in alarm shaded. Drawn by the dashboards' metric widget,
/// so it refreshes through the same shared refresher.</summary>
public static class AlarmChartWidget
{
    public static MetricWidget For(MetricAlarm alarm, string region) => new(0, new GridPlacement(0, 0, 24, 6))
    {
        Title = $"{alarm.MetricName} ({alarm.Statistic ?? alarm.ExtendedStatistic}, {alarm.Period} s)",
        View = MetricView.TimeSeries,
        Stacked = false,
        Region = region,
        Period = alarm.Period ?? MetricWidget.DefaultPeriod,
        Stat = Stat(alarm),
        YAxis = YAxisSettings.Default,
        HorizontalAnnotations = alarm.Threshold is { } threshold
            ? [new HorizontalAnnotation(threshold, $"Threshold {threshold:0.##}", "#d62728", AnnotationFill.None, Visible: true, BandEnd: null)]
            : [],
        LegendPosition = LegendPosition.Bottom,
        LiveData = false,
        SetPeriodToTimeRange = false,
        Sparkline = false,
        Series =
        [
            new MetricSeries(
                alarm.Namespace ?? "", alarm.MetricName ?? "",
                (alarm.Dimensions ?? []).Select(d => new MetricDimension(d.Name, d.Value)).ToArray(),
                Stat(alarm), alarm.Period ?? MetricWidget.DefaultPeriod, Label: null, Color: null, AxisSide.Left,
                Visible: true, Id: null, region),
        ],
    };

    /// <summary>From well before the evaluation that fired to a while after resolution (or now, while open).</summary>
    public static TimeRange RangeAround(MetricAlarm alarm, DateTimeOffset triggeredAt, DateTimeOffset? resolvedAt)
    {
        var lead = TimeSpan.FromTicks(Math.Max(TimeSpan.FromHours(1).Ticks, EvaluationWindow(alarm).Ticks * 3));
        return new TimeRange(
            TimeExpression.At(triggeredAt - lead),
            resolvedAt is { } resolved ? TimeExpression.At(resolved + TimeSpan.FromMinutes(30)) : TimeExpression.Now);
    }

    public static IReadOnlyList<ChartTimeBand> Bands(MetricAlarm alarm, DateTimeOffset triggeredAt, DateTimeOffset? resolvedAt, DateTimeOffset now) =>
    [
        new((triggeredAt - EvaluationWindow(alarm)).ToUnixTimeMilliseconds(), triggeredAt.ToUnixTimeMilliseconds(), "Evaluated", "#ff9800"),
        new(triggeredAt.ToUnixTimeMilliseconds(), (resolvedAt ?? now).ToUnixTimeMilliseconds(), "In alarm", "#d62728"),
    ];

    private static TimeSpan EvaluationWindow(MetricAlarm alarm) =>
        TimeSpan.FromSeconds((alarm.Period ?? MetricWidget.DefaultPeriod) * (alarm.EvaluationPeriods ?? 1));

    private static string Stat(MetricAlarm alarm) => alarm.Statistic ?? alarm.ExtendedStatistic ?? MetricWidget.DefaultStat;
}
