using Kessan.Console.Core.Time;
using static Kessan.Console.Core.Tests.Time.Instants;

namespace Kessan.Console.Core.Tests.Time;

public sealed class TimeExpressionTests
{
    [Theory]
    [InlineData("now", "2026-11-20T05:30:15.250Z")]
    [InlineData("now-5m", "2026-11-20T05:25:15.250Z")]
    [InlineData("now-3h", "2026-11-20T02:30:15.250Z")]
    [InlineData("now-1d", "2026-11-19T05:30:15.250Z")]
    [InlineData("now-1w", "2026-11-13T05:30:15.250Z")]
    [InlineData("now-30s", "2026-11-20T05:29:45.250Z")]
    [InlineData("now+1h", "2026-11-20T06:30:15.250Z")]
    [InlineData("now-1M", "2026-10-20T05:30:15.250Z")]
    [InlineData("now-1y", "2025-11-20T05:30:15.250Z")]
    [InlineData("now-1d-12h", "2026-11-18T17:30:15.250Z")]
    public void Relative_times_count_back_from_now(string text, string expected)
    {
        Assert.Equal(At(expected), TimeExpression.Parse(text).Resolve(Now));
    }

    [Theory]
    [InlineData("now/m", "2026-11-20T05:30:00Z")]
    [InlineData("now/h", "2026-11-20T05:00:00Z")]
    [InlineData("now/d", "2026-11-20T00:00:00Z")]
    [InlineData("now-1d/d", "2026-11-19T00:00:00Z")]
    [InlineData("now/w", "2026-11-16T00:00:00Z")]
    [InlineData("now/M", "2026-11-01T00:00:00Z")]
    [InlineData("now/y", "2026-01-01T00:00:00Z")]
    public void Rounding_goes_down_to_the_start_of_the_unit(string text, string expected)
    {
        Assert.Equal(At(expected), TimeExpression.Parse(text).Resolve(Now));
    }

    [Fact]
    public void Rounding_to_the_day_in_a_zone_uses_that_zones_midnight()
    {
        var evening = At("2026-11-20T20:00:00Z");

        Assert.Equal(At("2026-11-21T00:00:00+09:00"), TimeExpression.Parse("now/d").Resolve(evening, Zone("Asia/Tokyo")));
    }

    [Fact]
    public void A_day_back_across_a_daylight_saving_change_keeps_the_wall_clock_time()
    {
        var afterFallBack = At("2026-11-01T12:00:00-05:00");

        Assert.Equal(At("2026-10-31T12:00:00-04:00"), TimeExpression.Parse("now-1d").Resolve(afterFallBack, Zone("America/New_York")));
    }

    [Fact]
    public void Hours_back_across_a_daylight_saving_change_count_elapsed_time()
    {
        var afterFallBack = At("2026-11-01T12:00:00-05:00");

        Assert.Equal(At("2026-10-31T13:00:00-04:00"), TimeExpression.Parse("now-24h").Resolve(afterFallBack, Zone("America/New_York")));
    }

    [Theory]
    [InlineData("2026-11-20T14:00:00+09:00", "2026-11-20T05:00:00Z")]
    [InlineData("2026-11-20T05:00:00Z", "2026-11-20T05:00:00Z")]
    [InlineData("2026-11-20T05:00:00.125Z", "2026-11-20T05:00:00.125Z")]
    [InlineData("1795150800000", "2026-11-20T05:00:00Z")]
    public void Absolute_times_resolve_to_their_instant_whatever_the_time(string text, string expected)
    {
        var expression = TimeExpression.Parse(text);

        Assert.Equal((At(expected), false), (expression.Resolve(Now), expression.IsRelative));
    }

    [Theory]
    [InlineData("now")]
    [InlineData("now-3h")]
    [InlineData("now-1d/d")]
    public void Expressions_starting_at_now_are_relative(string text)
    {
        Assert.True(TimeExpression.Parse(text).IsRelative);
    }

    [Theory]
    [InlineData("now")]
    [InlineData("now-15m")]
    [InlineData("now-1d/d")]
    [InlineData("now/w+8h")]
    [InlineData("2026-11-20T14:00:00+09:00")]
    [InlineData("2026-11-20T05:00:00.125Z")]
    [InlineData("1795150800000")]
    public void Url_values_round_trip(string text)
    {
        var expression = TimeExpression.Parse(text);

        Assert.Equal((text, expression), (expression.ToUrlValue(), TimeExpression.Parse(expression.ToUrlValue())));
    }

    [Theory]
    [InlineData(" now-05m ", "now-5m")]
    [InlineData("2026-11-20T14:00+09:00", "2026-11-20T14:00:00+09:00")]
    [InlineData("2026-11-20T05:00:00+00:00", "2026-11-20T05:00:00Z")]
    [InlineData("2026-11-20 14:00:00+0900", "2026-11-20T14:00:00+09:00")]
    [InlineData("2026-11-20T14:00:00 09:00", "2026-11-20T14:00:00+09:00")]
    [InlineData("0001795150800000", "1795150800000")]
    public void Url_values_are_written_one_way(string text, string urlValue)
    {
        Assert.Equal(urlValue, TimeExpression.Parse(text).ToUrlValue());
    }

    [Fact]
    public void An_instant_is_written_with_its_own_offset()
    {
        Assert.Equal("2026-11-20T14:00:00+09:00", TimeExpression.At(At("2026-11-20T14:00:00+09:00")).ToUrlValue());
    }

    [Theory]
    [InlineData(null, "The time is empty; write now, now-3h, now-1d/d, an ISO time such as 2026-11-20T14:00:00+09:00, or epoch milliseconds.")]
    [InlineData("yesterday", "\"yesterday\" is not a time; write now, now-3h, now-1d/d, an ISO time such as 2026-11-20T14:00:00+09:00, or epoch milliseconds.")]
    [InlineData("now-5x", "\"now-5x\" is not a time: \"x\" is not a unit; use s, m, h, d, w, M or y.")]
    [InlineData("now-m", "\"now-m\" is not a time: expected a number after \"-\", as in now-5m.")]
    [InlineData("now-5", "\"now-5\" is not a time: it ends without a unit; use s, m, h, d, w, M or y.")]
    [InlineData("now*2", "\"now*2\" is not a time: expected +, - or / after \"now\".")]
    [InlineData("now-5000y", "\"now-5000y\" reaches more than 1000 years from now.")]
    [InlineData("2026-11-20T14:00:00", "\"2026-11-20T14:00:00\" has no UTC offset; add Z for UTC or an offset such as +09:00.")]
    [InlineData("2026-02-30T14:00:00Z", "\"2026-02-30T14:00:00Z\" is not a real date and time.")]
    [InlineData("99999999999999999", "\"99999999999999999\" is too large for epoch milliseconds.")]
    public void Invalid_times_are_refused_with_what_is_wrong(string? text, string error)
    {
        Assert.False(TimeExpression.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }
}
