using System.Diagnostics.CodeAnalysis;

namespace Kessan.Console.Core.Time;

/// <summary>
/// The zone times are shown in, as the URL carries it (<c>tz=utc</c>, <c>tz=browser</c>, <c>tz=Asia/Tokyo</c>):
/// UTC, the viewer's browser zone, or any IANA zone the server's runtime knows.
/// </summary>
public sealed record DisplayTimeZone
{
    private const string UtcValue = "utc";
    private const string BrowserValue = "browser";

    private DisplayTimeZone(string urlValue) => UrlValue = urlValue;

    public static DisplayTimeZone Utc { get; } = new(UtcValue);

    public static DisplayTimeZone Browser { get; } = new(BrowserValue);

    public static DisplayTimeZone Tokyo { get; } = new("Asia/Tokyo");

    /// <summary>What a URL without <c>tz</c> means.</summary>
    public static DisplayTimeZone Default => Browser;

    /// <summary>The zones the picker offers.</summary>
    public static IReadOnlyList<DisplayTimeZone> Choices { get; } = [Browser, Utc, Tokyo];

    public string UrlValue { get; }

    public bool IsBrowser => UrlValue == BrowserValue;

    public string Label => UrlValue switch
    {
        UtcValue => "UTC",
        BrowserValue => "Browser time",
        _ => UrlValue,
    };

    public static DisplayTimeZone Parse(string? text) =>
        TryParse(text, out var zone, out var error) ? zone : throw new FormatException(error);

    /// <summary>Reads <c>utc</c>, <c>browser</c> or a zone id (IANA, or Windows, which is stored as its IANA id); nothing means <see cref="Default"/>.</summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out DisplayTimeZone? zone, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? "";
        error = null;
        zone = trimmed.ToLowerInvariant() switch
        {
            "" => Default,
            UtcValue => Utc,
            BrowserValue => Browser,
            _ when TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found) => new DisplayTimeZone(IanaId(found)),
            _ => null,
        };
        if (zone is null)
        {
            error = $"tz \"{trimmed}\" is not a time zone this server knows; use utc, browser or an IANA name such as Asia/Tokyo.";
            return false;
        }
        return true;
    }

    public string ToUrlValue() => UrlValue;

    public override string ToString() => UrlValue;

    /// <summary>
    /// The zone to convert into. For <see cref="Browser"/> that is the zone the browser reported
    /// (<c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>); UTC when it reported none the server knows.
    /// </summary>
    public TimeZoneInfo ToTimeZoneInfo(string? browserZoneId)
    {
        var id = UrlValue switch
        {
            UtcValue => null,
            BrowserValue => browserZoneId,
            _ => UrlValue,
        };
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The instant on this zone's wall clock, for display.</summary>
    public DateTimeOffset ToDisplay(DateTimeOffset instant, string? browserZoneId) =>
        TimeZoneInfo.ConvertTime(instant, ToTimeZoneInfo(browserZoneId));

    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
}
