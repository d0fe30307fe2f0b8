using Kessan.Console.Core.Time;
using static Kessan.Console.Core.Tests.Time.Instants;

namespace Kessan.Console.Core.Tests.Time;

public sealed class TimeRangeTests
{
    private static TimeRange Range(string from, string to) => new(TimeExpression.Parse(from), TimeExpression.Parse(to));

    private static string ParseError(string? from, string? to)
    {
        Assert.False(TimeRange.TryParse(from, to, Now, out _, out var error));
        return error;
    }

    [Fact]
    public void The_default_range_is_the_last_three_hours()
    {
        Assert.Equal(
            (Range("now-3h", "now"), new ResolvedTimeRange(At("2026-11-20T02:30:15.250Z"), Now)),
            (TimeRange.Default, TimeRange.Default.Resolve(Now)));
    }

    [Fact]
    public void A_url_without_from_and_to_gets_the_default_range()
    {
        Assert.True(TimeRange.TryParse(null, "", Now, out var range, out _));
        Assert.Equal(TimeRange.Default, range);
    }

    [Fact]
    public void An_absolute_range_from_a_url_is_read()
    {
        Assert.True(TimeRange.TryParse("2026-11-20T14:00:00+09:00", "2026-11-20T16:30:00+09:00", Now, out var range, out _));
        Assert.Equal(
            new ResolvedTimeRange(At("2026-11-20T05:00:00Z"), At("2026-11-20T07:30:00Z")),
            range.Resolve(Now));
    }

    [Fact]
    public void From_after_to_is_refused()
    {
        Assert.Equal("from must be before to (from=now-1h, to=now-3h).", ParseError("now-1h", "now-3h"));
    }

    [Fact]
    public void An_absolute_start_after_a_relative_end_is_refused_at_that_moment()
    {
        Assert.Equal(
            "from must be before to (from=2026-11-20T05:00:00Z, to=now-1d).",
            ParseError("2026-11-20T05:00:00Z", "now-1d"));
    }

    [Fact]
    public void A_bad_end_is_named()
    {
        Assert.Equal("to: \"later\" is not a time; write now, now-3h, now-1d/d, an ISO time such as 2026-11-20T14:00:00+09:00, or epoch milliseconds.", ParseError("now-1h", "later"));
    }

    [Fact]
    public void A_range_ending_now_is_live_and_an_absolute_one_is_not()
    {
        Assert.Equal(
            (true, false),
            (Range("now-1h", "now").IsLive, Range("2026-11-20T14:00:00+09:00", "2026-11-20T16:30:00+09:00").IsLive));
    }

    [Fact]
    public void A_rounded_end_covers_the_whole_unit()
    {
        Assert.Equal(
            new ResolvedTimeRange(At("2026-11-20T00:00:00Z"), At("2026-11-21T00:00:00Z")),
            Range("now/d", "now/d").Resolve(Now));
    }

    [Fact]
    public void Yesterday_runs_from_midnight_to_midnight()
    {
        Assert.Equal(
            new ResolvedTimeRange(At("2026-11-19T00:00:00Z"), At("2026-11-20T00:00:00Z")),
            Range("now-1d/d", "now-1d/d").Resolve(Now));
    }

    [Fact]
    public void Today_in_Tokyo_runs_from_Tokyo_midnight()
    {
        Assert.Equal(
            new ResolvedTimeRange(At("2026-11-20T00:00:00+09:00"), At("2026-11-21T00:00:00+09:00")),
            Range("now/d", "now/d").Resolve(Now, Zone("Asia/Tokyo")));
    }

    [Fact]
    public void The_picker_offers_the_quick_ranges_with_their_labels()
    {
        Assert.Equal(
            [
                ("Last 5 minutes", "now-5m"), ("Last 15 minutes", "now-15m"), ("Last 1 hour", "now-1h"), ("Last 3 hours", "now-3h"),
                ("Last 12 hours", "now-12h"), ("Last 1 day", "now-1d"), ("Last 3 days", "now-3d"), ("Last 1 week", "now-1w"),
            ],
            TimeRange.QuickRanges.Select(quick => (quick.Label, quick.Range.From.ToUrlValue())));
        Assert.All(TimeRange.QuickRanges, quick => Assert.Equal(TimeExpression.Now, quick.Range.To));
    }

    [Fact]
    public void Any_look_back_to_now_is_described_as_the_last_stretch()
    {
        Assert.Equal("Last 30 minutes", Range("now-30m", "now").Describe());
    }

    [Fact]
    public void An_absolute_range_is_described_with_its_offsets()
    {
        Assert.Equal(
            "2026-11-20 14:00:00 +09:00 to 2026-11-20 07:30:00 UTC",
            Range("2026-11-20T14:00:00+09:00", "2026-11-20T07:30:00Z").Describe());
    }

    [Fact]
    public void An_absolute_range_is_described_on_a_zones_wall_clock()
    {
        Assert.Equal(
            "2026-11-20 14:00:00 to 2026-11-20 16:30:00",
            Range("2026-11-20T05:00:00Z", "2026-11-20T07:30:00Z").Describe(Zone("Asia/Tokyo")));
    }

    [Fact]
    public void Other_relative_ranges_are_described_as_written()
    {
        Assert.Equal("now-1d/d to now/d", Range("now-1d/d", "now/d").Describe());
    }
}
