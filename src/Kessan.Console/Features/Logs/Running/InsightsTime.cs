using System.Globalization;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>Times as Logs Insights writes them in results: UTC, <c>2026-11-20 05:00:00.000</c>.</summary>
public static class InsightsTime
{
    private const string Format = "yyyy-MM-dd HH:mm:ss.fff";

    public static bool TryParse(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);

    /// <summary>The same instant in <paramref name="zone"/>, in the same form; anything that is not such a time as it is.</summary>
    public static string InZone(string value, TimeZoneInfo zone) =>
        TryParse(value, out var time) ? TimeZoneInfo.ConvertTime(time, zone).ToString(Format, CultureInfo.InvariantCulture) : value;
}
