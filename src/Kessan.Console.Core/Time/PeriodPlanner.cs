namespace Kessan.Console.Core.Time;

/// <summary>
/// Chooses the period to ask CloudWatch for, so a long range does not ask for more points than a chart can
/// show, and aligns query starts so that refreshes append whole periods.
/// </summary>
public static class PeriodPlanner
{
    public const int DefaultMaxPoints = 1440;

    private const int SecondsPerDay = 86400;

    /// <summary>The periods CloudWatch's console steps through, in seconds, shortest first.</summary>
    public static IReadOnlyList<int> CommonPeriods { get; } = [60, 300, 900, 3600, 21600, SecondsPerDay];

    /// <summary>
    /// The requested period if the range fits in <paramref name="maxPoints"/> points of it; otherwise the
    /// shortest longer common period that fits, and past a day, the fewest whole days that fit.
    /// </summary>
    public static int Choose(int requestedPeriodSeconds, ResolvedTimeRange range, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestedPeriodSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPoints);
        if (PointCount(requestedPeriodSeconds, range) <= maxPoints)
        {
            return requestedPeriodSeconds;
        }
        foreach (var period in CommonPeriods)
        {
            if (period > requestedPeriodSeconds && PointCount(period, range) <= maxPoints)
            {
                return period;
            }
        }
        var days = (long)Math.Ceiling(range.Duration.TotalSeconds / SecondsPerDay / maxPoints);
        return (int)Math.Min(days * SecondsPerDay, int.MaxValue / SecondsPerDay * SecondsPerDay);
    }

    /// <summary>How many periods of <paramref name="periodSeconds"/> the range spans (a part period counts).</summary>
    public static long PointCount(int periodSeconds, ResolvedTimeRange range) =>
        range.Duration <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(range.Duration.TotalSeconds / periodSeconds);

    /// <summary>
    /// The start of the period that holds <paramref name="start"/>, periods counted from the Unix epoch as
    /// CloudWatch aligns them; the offset of <paramref name="start"/> is kept.
    /// </summary>
    public static DateTimeOffset AlignStart(DateTimeOffset start, int periodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodSeconds);
        var seconds = start.ToUnixTimeSeconds();
        var aligned = seconds - (((seconds % periodSeconds) + periodSeconds) % periodSeconds);
        return DateTimeOffset.FromUnixTimeSeconds(aligned).ToOffset(start.Offset);
    }
}
