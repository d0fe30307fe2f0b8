using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kessan.Console.Core.Time;

namespace Kessan.Console.Shared.Time;

/// <summary>What people type into the custom range fields: anything a URL takes (now-6h, ISO with offset,
/// epoch ms), or a wall-clock time like "2026-11-20 14:00" read in the zone the page shows.</summary>
public static class CustomTimeInput
{
    private static readonly string[] WallClockFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    public static bool TryParse(string? text, TimeZoneInfo zone, [NotNullWhen(true)] out TimeExpression? expression, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? "";
        if (DateTime.TryParseExact(trimmed, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            expression = TimeExpression.At(new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock)));
            error = null;
            return true;
        }
        return TimeExpression.TryParse(trimmed, out expression, out error);
    }
}
