namespace Kessan.LocalCloud.Logs.Insights;

public enum TimeUnit
{
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>A period such as <c>5m</c> or <c>1mo</c>, as bin(), datefloor() and dateceil() take it. Fixed units divide
/// epoch time; months, quarters and years follow the UTC calendar.</summary>
public readonly record struct TimePeriod(long Amount, TimeUnit Unit)
{
    private static readonly (string Suffix, TimeUnit Unit)[] Suffixes =
    [
        ("ms", TimeUnit.Millisecond), ("s", TimeUnit.Second), ("sec", TimeUnit.Second), ("m", TimeUnit.Minute),
        ("min", TimeUnit.Minute), ("h", TimeUnit.Hour), ("hr", TimeUnit.Hour), ("d", TimeUnit.Day), ("w", TimeUnit.Week),
        ("mo", TimeUnit.Month), ("q", TimeUnit.Quarter), ("y", TimeUnit.Year),
    ];

    /// <summary>"ms, s, m, h, d, w, mo, q, y", for messages.</summary>
    public static string Accepted => "ms, s, m, h, d, w, mo, q, y";

    public static bool TryParseUnit(ReadOnlySpan<char> suffix, out TimeUnit unit)
    {
        foreach (var (text, candidate) in Suffixes)
        {
            if (suffix.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    public double Floor(double epochMilliseconds)
    {
        if (FixedMilliseconds is { } length)
        {
            return Math.Floor(epochMilliseconds / length) * length;
        }

        var at = DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Floor(epochMilliseconds));
        var months = (at.Year - 1970) * 12L + at.Month - 1;
        var step = CalendarMonths;
        var floored = (long)Math.Floor((double)months / step) * step;
        return new DateTimeOffset(1970 + (int)(floored / 12), (int)(floored % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    public double Ceiling(double epochMilliseconds)
    {
        var floor = Floor(epochMilliseconds);
        if (floor == epochMilliseconds)
        {
            return floor;
        }

        if (FixedMilliseconds is { } length)
        {
            return floor + length;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)floor).AddMonths((int)CalendarMonths).ToUnixTimeMilliseconds();
    }

    private double? FixedMilliseconds => Unit switch
    {
        TimeUnit.Millisecond => Amount,
        TimeUnit.Second => Amount * 1_000.0,
        TimeUnit.Minute => Amount * 60_000.0,
        TimeUnit.Hour => Amount * 3_600_000.0,
        TimeUnit.Day => Amount * 86_400_000.0,
        TimeUnit.Week => Amount * 604_800_000.0,
        _ => null,
    };

    private long CalendarMonths => Unit switch
    {
        TimeUnit.Quarter => Amount * 3,
        TimeUnit.Year => Amount * 12,
        _ => Amount,
    };
}
