using Kessan.Console.Core.Time;

namespace Kessan.Console.Core.Tests.Time;

public sealed class RefreshIntervalTests
{
    [Fact]
    public void The_picker_offers_off_ten_seconds_one_minute_and_five_minutes()
    {
        Assert.Equal(
            [("Off", "off", null), ("10s", "10s", TimeSpan.FromSeconds(10)), ("1m", "1m", TimeSpan.FromMinutes(1)), ("5m", "5m", TimeSpan.FromMinutes(5))],
            RefreshInterval.Choices.Select(choice => (choice.Label, choice.ToUrlValue(), choice.Interval)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("off")]
    public void No_refresh_value_means_off(string? text)
    {
        Assert.True(RefreshInterval.Parse(text).IsOff);
    }

    [Theory]
    [InlineData("10s")]
    [InlineData("1m")]
    [InlineData("5m")]
    public void Picker_values_round_trip(string text)
    {
        Assert.Equal(text, RefreshInterval.Parse(text).ToUrlValue());
    }

    [Theory]
    [InlineData("90s", "90s")]
    [InlineData("60s", "1m")]
    [InlineData("2h", "2h")]
    [InlineData("1d", "1d")]
    public void Other_intervals_are_written_in_their_largest_whole_unit(string text, string urlValue)
    {
        Assert.Equal(urlValue, RefreshInterval.Parse(text).ToUrlValue());
    }

    [Fact]
    public void A_picker_value_parses_to_the_picker_choice()
    {
        Assert.Equal(RefreshInterval.OneMinute, RefreshInterval.Parse("1m"));
    }

    [Theory]
    [InlineData("5s", "refresh must be between 10s and 1d (got \"5s\").")]
    [InlineData("2d", "refresh must be between 10s and 1d (got \"2d\").")]
    [InlineData("99999999999d", "refresh \"99999999999d\" is not an interval; write off or a number with s, m, h or d, such as 10s or 1m.")]
    [InlineData("fast", "refresh \"fast\" is not an interval; write off or a number with s, m, h or d, such as 10s or 1m.")]
    [InlineData("1w", "refresh \"1w\" is not an interval; write off or a number with s, m, h or d, such as 10s or 1m.")]
    public void Invalid_intervals_are_refused_with_what_is_wrong(string text, string error)
    {
        Assert.False(RefreshInterval.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }
}
