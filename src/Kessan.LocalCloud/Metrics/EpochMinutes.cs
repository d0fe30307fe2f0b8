namespace Kessan.LocalCloud.Metrics;

/// <summary>Times as whole minutes since the Unix epoch: the store's one-minute resolution as a plain number.</summary>
public static class EpochMinutes
{
    /// <summary>The minute that contains <paramref name="time"/>.</summary>
    public static long Floor(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMinute;

    /// <summary>The first minute that starts at or after <paramref name="time"/>.</summary>
    public static long Ceiling(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;

    public static DateTimeOffset ToTime(long minute) => DateTimeOffset.UnixEpoch.AddTicks(minute * TimeSpan.TicksPerMinute);
}
