using Kessan.Console.Core.Time;
using Microsoft.JSInterop;

namespace Kessan.Console.Shared.Time;

/// <summary>The viewer's time zone as the browser reports it, learnt once per circuit, so the server can show
/// "last updated" times in the zone the user chose.</summary>
public sealed class BrowserTimeZone(IJSRuntime js, ILogger<BrowserTimeZone> logger)
{
    private string? _browserZoneId;
    private bool _learnt;

    /// <summary>Asks the browser for its zone once per circuit; the page calls it before it shows times.</summary>
    public async Task LearnAsync(CancellationToken cancellationToken)
    {
        if (_learnt)
        {
            return;
        }
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./assets/kessan-browser.js");
            _browserZoneId = await module.InvokeAsync<string>("timeZone", cancellationToken);
        }
        catch (JSException exception)
        {
            logger.LogDebug(exception, "The browser did not tell its time zone; using UTC");
        }
        _learnt = true;
    }

    /// <summary>The zone to show times in for <paramref name="zone"/>; for "browser" the browser's once learnt, else UTC.</summary>
    public TimeZoneInfo Resolve(DisplayTimeZone zone) => zone.ToTimeZoneInfo(_browserZoneId);

    /// <summary>"14:03:05" today, "11-20 14:03" otherwise, in the chosen zone.</summary>
    public string Format(DateTimeOffset instant, DisplayTimeZone zone, DateTimeOffset now)
    {
        var tz = Resolve(zone);
        var local = TimeZoneInfo.ConvertTime(instant, tz);
        var today = TimeZoneInfo.ConvertTime(now, tz).Date == local.Date;
        return local.ToString(today ? "HH:mm:ss" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
