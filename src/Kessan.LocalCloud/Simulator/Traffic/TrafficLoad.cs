namespace Kessan.LocalCloud.Simulator.Traffic;

/// <summary>How busy the Kessan service is at an instant, as a fraction of its weekday peak: the day shape of a Japanese
/// stock-analysis service plus slow noise, so no two days look alike.</summary>
public static class TrafficLoad
{
    /// <summary>Japan Standard Time; fixed because Japan has had no daylight saving time since 1951.</summary>
    public static readonly TimeSpan TokyoOffset = TimeSpan.FromHours(9);

    // (hour of the day in Tokyo, fraction of peak). Quiet at night, rising before the 09:00 open, busy through the
    // session with a dip in the 11:30-12:30 lunch break, easing after the 15:30 close, an evening peak when retail
    // investors are home. Both days meet at midnight so the curve is continuous across the weekend.
    private static readonly (double Hour, double Load)[] Weekday =
    [
        (0, 0.32), (2, 0.16), (4, 0.10), (6, 0.18), (7, 0.35), (8, 0.62), (8.75, 0.90), (9, 1.00),
        (11.5, 0.88), (12, 0.72), (12.5, 0.90), (15, 0.85), (15.5, 0.66), (17, 0.55), (19, 0.70),
        (21, 0.92), (22, 0.85), (23, 0.60), (24, 0.32),
    ];

    private static readonly (double Hour, double Load)[] Weekend =
    [
        (0, 0.32), (2, 0.15), (5, 0.08), (8, 0.16), (10, 0.30), (13, 0.36), (16, 0.34), (19, 0.40),
        (21, 0.48), (23, 0.40), (24, 0.32),
    ];

    private const double NoiseAmplitude = 0.12;
    private static readonly TimeSpan NoiseKnotSpacing = TimeSpan.FromMinutes(20);

    /// <summary>Fraction of weekday peak traffic at <paramref name="at"/> for <paramref name="seed"/>.</summary>
    public static double At(int seed, DateTimeOffset at) =>
        DayShape(at) * (1 + NoiseAmplitude * SmoothNoise(seed, NoiseChannel.Load, at, NoiseKnotSpacing));

    /// <summary>The noiseless day curve at <paramref name="at"/>, read on the Tokyo clock.</summary>
    public static double DayShape(DateTimeOffset at)
    {
        var tokyo = at.ToOffset(TokyoOffset);
        var curve = tokyo.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Weekend : Weekday;
        var hour = tokyo.TimeOfDay.TotalHours;
        var next = 1;
        while (curve[next].Hour < hour)
        {
            next++;
        }

        var (h0, l0) = curve[next - 1];
        var (h1, l1) = curve[next];
        return l0 + (l1 - l0) * (hour - h0) / (h1 - h0);
    }

    /// <summary>Noise in [-1, 1] that drifts smoothly over time: random values at knots every
    /// <paramref name="knotSpacing"/>, eased between. A pure function of its arguments.</summary>
    public static double SmoothNoise(int seed, NoiseChannel channel, DateTimeOffset at, TimeSpan knotSpacing)
    {
        var position = (double)at.UtcTicks / knotSpacing.Ticks;
        var knot = (long)Math.Floor(position);
        var a = 2 * SeededRandom.Unit(seed, (long)channel, knot) - 1;
        var b = 2 * SeededRandom.Unit(seed, (long)channel, knot + 1) - 1;
        var eased = (1 - Math.Cos(Math.PI * (position - knot))) / 2;
        return a + (b - a) * eased;
    }
}

/// <summary>Independent noise sources; each value keys its own random stream.</summary>
public enum NoiseChannel
{
    Load = 1,
    EcsCpu,
    EcsMemory,
    RdsCpu,
    DatabaseConnections,
    DatabaseLatency,
    CacheHitRate,
}
