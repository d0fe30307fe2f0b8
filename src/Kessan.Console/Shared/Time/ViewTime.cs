using Kessan.Console.Core.Time;

namespace Kessan.Console.Shared.Time;

/// <summary>A page's time settings as the URL holds them (<c>?from=now-3h&amp;to=now&amp;refresh=1m&amp;tz=Asia/Tokyo</c>),
/// so that a shared URL reproduces the view. Bad values fall back to defaults and say so in <see cref="Problem"/>.</summary>
public sealed record ViewTime(TimeRange Range, RefreshInterval Refresh, DisplayTimeZone Zone, string? Problem = null)
{
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string RefreshKey = "refresh";
    public const string ZoneKey = "tz";

    public static ViewTime Default { get; } = new(TimeRange.Default, RefreshInterval.Off, DisplayTimeZone.Browser);

    public static ViewTime FromQuery(string? from, string? to, string? refresh, string? zone, DateTimeOffset now)
    {
        List<string> problems = [];
        var range = TimeRange.Default;
        if (from is not null || to is not null)
        {
            if (TimeRange.TryParse(from, to, now, out var parsed, out var error))
            {
                range = parsed;
            }
            else
            {
                problems.Add($"{error} Showing {TimeRange.Default.Describe()} instead.");
            }
        }

        if (!RefreshInterval.TryParse(refresh, out var refreshInterval, out var refreshError))
        {
            problems.Add($"{refreshError} Refresh is off.");
            refreshInterval = RefreshInterval.Off;
        }

        if (!DisplayTimeZone.TryParse(zone, out var displayZone, out var zoneError))
        {
            problems.Add($"{zoneError} Times show in the browser's zone.");
            displayZone = DisplayTimeZone.Browser;
        }

        return new ViewTime(range, refreshInterval, displayZone, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    /// <summary>The query parameters for this view, for NavigationManager.GetUriWithQueryParameters.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        [FromKey] = Range.From.ToUrlValue(),
        [ToKey] = Range.To.ToUrlValue(),
        [RefreshKey] = Refresh.ToUrlValue(),
        [ZoneKey] = Zone.ToUrlValue(),
    };

    /// <summary>The same query as a string, for links to other pages that keep the view's time.</summary>
    public string ToQueryString() =>
        "?" + string.Join("&", ToQuery().Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}"));
}
