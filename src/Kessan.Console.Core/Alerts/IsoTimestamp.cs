using System.Globalization;

namespace Kessan.Console.Core.Alerts;

/// <summary>ISO-8601 timestamps as alert sources write them: with or without fraction, offset as "Z", "+09:00" or
/// CloudWatch's "+0000", or none at all (Python's <c>datetime.utcnow().isoformat()</c>), which means UTC.</summary>
public static class IsoTimestamp
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>UTC, to the millisecond: 2026-11-20T05:00:00.123Z.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
