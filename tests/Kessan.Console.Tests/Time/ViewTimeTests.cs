using Kessan.Console.Core.Time;
using Kessan.Console.Shared.Time;

namespace Kessan.Console.Tests.Time;

public sealed class ViewTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_shared_url_reproduces_the_view()
    {
        var view = ViewTime.FromQuery("2026-11-20T14:00:00+09:00", "2026-11-20T16:30:00+09:00", "1m", "Asia/Tokyo", Now);

        var query = view.ToQuery();
        var again = ViewTime.FromQuery((string?)query["from"], (string?)query["to"], (string?)query["refresh"], (string?)query["tz"], Now);

        Assert.Equal(view, again);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero), view.Range.Resolve(Now).Start);
        Assert.Equal(TimeSpan.FromMinutes(1), view.Refresh.Interval);
        Assert.Equal(DisplayTimeZone.Tokyo, view.Zone);
    }

    [Fact]
    public void No_parameters_mean_the_last_three_hours_without_refresh_in_the_browsers_zone()
    {
        var view = ViewTime.FromQuery(null, null, null, null, Now);

        Assert.Equal(ViewTime.Default, view);
        Assert.Null(view.Problem);
    }

    [Fact]
    public void Bad_values_fall_back_to_defaults_and_say_which()
    {
        var view = ViewTime.FromQuery("yesterday", "now", "7x", "Mars/Olympus", Now);

        Assert.Equal(TimeRange.Default, view.Range);
        Assert.Equal(RefreshInterval.Off, view.Refresh);
        Assert.Equal(DisplayTimeZone.Browser, view.Zone);
        Assert.Contains("yesterday", view.Problem);
        Assert.Contains("7x", view.Problem);
        Assert.Contains("Mars/Olympus", view.Problem);
    }

    [Fact]
    public void A_wall_clock_time_is_read_in_the_zone_the_page_shows()
    {
        var tokyo = DisplayTimeZone.Tokyo.ToTimeZoneInfo(browserZoneId: null);

        Assert.True(CustomTimeInput.TryParse("2026-11-20 14:00", tokyo, out var expression, out _));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero), expression.Resolve(Now));
    }

    [Fact]
    public void The_custom_range_fields_also_take_relative_times()
    {
        Assert.True(CustomTimeInput.TryParse("now-6h", TimeZoneInfo.Utc, out var expression, out _));

        Assert.True(expression.IsRelative);
    }
}
