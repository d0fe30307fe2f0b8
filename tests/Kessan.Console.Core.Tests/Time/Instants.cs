namespace Kessan.Console.Core.Tests.Time;

/// <summary>The fixed moments time tests resolve against.</summary>
internal static class Instants
{
    /// <summary>Friday 2026-11-20 05:30:15.250 UTC (14:30 in Tokyo).</summary>
    public static readonly DateTimeOffset Now = At("2026-11-20T05:30:15.250Z");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
