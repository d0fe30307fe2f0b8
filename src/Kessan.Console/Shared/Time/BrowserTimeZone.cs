using Kessan.Console.Core.Time;
using Microsoft.JSInterop;

namespace Kessan.Console.Shared.Time;

/// <summary>The viewer's time zone as the browser reports it, learnt once per circuit, so the server can show
/// "last updated" times in the zone the user chose.</summary>
public sealed class BrowserTimeZone(IJSRuntime js, ILogger<BrowserTimeZone> logger)
{
    private TimeZoneInfo? _browserZone;

    public TimeZoneInfo? Known => _browserZone;

    /// <summary>Asks the browser for its zone; call after the first interactive render.</summary>
    public async Task<TimeZoneInfo> LearnAsync(CancellationToken cancellationToken)
    {
        if (_browserZone is not null)
        {
            return _browserZone;
        }
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./assets/kessan-browser.js");
            var id = await module.InvokeAsync<string>("timeZone", cancellationToken);
            _browserZone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        }
        catch (JSException exception)
        {
            logger.LogDebug(exception, "The browser did not tell its time zone; using UTC");
            _browserZone = TimeZoneInfo.Utc;
        }
        return _browserZone;
    }

    /// <summary>The zone to show times in for <paramref name="zone"/>; the browser's once learnt, else UTC.</summary>
    public TimeZoneInfo Resolve(DisplayTimeZone zone) => zone.IsBrowser ? _browserZone ?? TimeZoneInfo.Utc : zone.TimeZone;

    /// <summary>"14:03:05" today, "11-20 14:03" otherwise, in the chosen zone.</summary>
    public string Format(DateTimeOffset instant, DisplayTimeZone zone, DateTimeOffset now)
    {
        var tz = Resolve(zone);
        var local = TimeZoneInfo.ConvertTime(instant, tz);
        var today = TimeZoneInfo.ConvertTime(now, tz).Date == local.Date;
        return local.ToString(today ? "HH:mm:ss" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
