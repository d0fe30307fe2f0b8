using Kessan.Console.Core.Time;
using static Kessan.Console.Core.Tests.Time.Instants;

namespace Kessan.Console.Core.Tests.Time;

public sealed class DisplayTimeZoneTests
{
    [Theory]
    [InlineData("utc")]
    [InlineData("UTC")]
    public void Utc_is_read_in_any_case(string text)
    {
        Assert.Equal(DisplayTimeZone.Utc, DisplayTimeZone.Parse(text));
    }

    [Theory]
    [InlineData("utc")]
    [InlineData("browser")]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/New_York")]
    public void Url_values_round_trip(string text)
    {
        Assert.Equal(text, DisplayTimeZone.Parse(text).ToUrlValue());
    }

    [Fact]
    public void Tokyo_is_the_IANA_zone()
    {
        Assert.Equal(DisplayTimeZone.Tokyo, DisplayTimeZone.Parse("Asia/Tokyo"));
    }

    [Fact]
    public void A_windows_zone_id_is_kept_as_its_IANA_id()
    {
        Assert.Equal(DisplayTimeZone.Tokyo, DisplayTimeZone.Parse("Tokyo Standard Time"));
    }

    [Fact]
    public void No_tz_value_means_the_browsers_zone()
    {
        Assert.Equal(DisplayTimeZone.Browser, DisplayTimeZone.Parse(null));
    }

    [Fact]
    public void An_unknown_zone_is_refused()
    {
        Assert.False(DisplayTimeZone.TryParse("Mars/Olympus", out _, out var error));
        Assert.Equal("tz \"Mars/Olympus\" is not a time zone this server knows; use utc, browser or an IANA name such as Asia/Tokyo.", error);
    }

    [Fact]
    public void Tokyo_shows_an_instant_on_Tokyos_clock()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 15, 250, TimeSpan.FromHours(9)), DisplayTimeZone.Tokyo.ToDisplay(Now, "Europe/London"));
    }

    [Fact]
    public void Utc_shows_an_instant_on_the_UTC_clock_whatever_the_browser()
    {
        Assert.Equal(TimeSpan.Zero, DisplayTimeZone.Utc.ToDisplay(Now, "Asia/Tokyo").Offset);
    }

    [Fact]
    public void Browser_time_shows_an_instant_in_the_zone_the_browser_reports()
    {
        Assert.Equal(TimeSpan.FromHours(9), DisplayTimeZone.Browser.ToDisplay(Now, "Asia/Tokyo").Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not/AZone")]
    public void Browser_time_falls_back_to_UTC_when_the_browser_zone_is_unknown(string? browserZoneId)
    {
        Assert.Equal(TimeZoneInfo.Utc, DisplayTimeZone.Browser.ToTimeZoneInfo(browserZoneId));
    }

    [Fact]
    public void The_picker_offers_browser_utc_and_Tokyo_with_labels()
    {
        Assert.Equal(["Browser time", "UTC", "Asia/Tokyo"], DisplayTimeZone.Choices.Select(zone => zone.Label));
    }
}
