using Kessan.Console.Core.Time;
using static Kessan.Console.Core.Tests.Time.Instants;

namespace Kessan.Console.Core.Tests.Time;

public sealed class PeriodPlannerTests
{
    private static ResolvedTimeRange Lasting(TimeSpan duration) => new(Now - duration, Now);

    [Fact]
    public void The_requested_period_is_kept_when_the_range_fits()
    {
        Assert.Equal(300, PeriodPlanner.Choose(300, Lasting(TimeSpan.FromHours(3))));
    }

    [Fact]
    public void Exactly_the_most_points_still_keeps_the_requested_period()
    {
        Assert.Equal(60, PeriodPlanner.Choose(60, Lasting(TimeSpan.FromDays(1))));
    }

    [Fact]
    public void One_second_more_than_fits_moves_to_the_next_common_period()
    {
        Assert.Equal(300, PeriodPlanner.Choose(60, Lasting(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1))));
    }

    [Theory]
    [InlineData(60, 7, 900)]
    [InlineData(300, 30, 3600)]
    [InlineData(60, 365, 86400)]
    [InlineData(3600, 90, 21600)]
    public void A_long_range_gets_the_shortest_common_period_that_fits(int requested, int days, int expected)
    {
        Assert.Equal(expected, PeriodPlanner.Choose(requested, Lasting(TimeSpan.FromDays(days))));
    }

    [Fact]
    public void A_range_too_long_for_daily_points_gets_whole_days()
    {
        Assert.Equal(3 * 86400, PeriodPlanner.Choose(60, Lasting(TimeSpan.FromDays(3650))));
    }

    [Fact]
    public void A_smaller_point_budget_gives_a_longer_period()
    {
        Assert.Equal(300, PeriodPlanner.Choose(60, Lasting(TimeSpan.FromHours(3)), maxPoints: 100));
    }

    [Fact]
    public void A_period_longer_than_any_common_one_is_kept_when_it_fits()
    {
        Assert.Equal(604800, PeriodPlanner.Choose(604800, Lasting(TimeSpan.FromDays(3650))));
    }

    [Fact]
    public void A_period_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodPlanner.Choose(0, Lasting(TimeSpan.FromHours(1))));
    }

    [Theory]
    [InlineData("2026-11-20T05:32:17Z", 300, "2026-11-20T05:30:00Z")]
    [InlineData("2026-11-20T05:30:00Z", 300, "2026-11-20T05:30:00Z")]
    [InlineData("2026-11-20T05:30:00.500Z", 60, "2026-11-20T05:30:00Z")]
    [InlineData("2026-11-20T14:32:17+09:00", 3600, "2026-11-20T14:00:00+09:00")]
    [InlineData("2026-11-20T14:32:17+09:00", 86400, "2026-11-20T09:00:00+09:00")]
    [InlineData("1969-12-31T23:59:30Z", 60, "1969-12-31T23:59:00Z")]
    public void Starts_align_down_to_whole_periods_since_the_epoch(string start, int period, string expected)
    {
        var aligned = PeriodPlanner.AlignStart(At(start), period);

        Assert.Equal((At(expected), At(expected).Offset), (aligned, aligned.Offset));
    }
}
