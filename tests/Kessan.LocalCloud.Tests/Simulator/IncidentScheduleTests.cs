using Kessan.LocalCloud.Simulator.Incidents;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class IncidentScheduleTests
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(3);
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(20);
    private static readonly DateTimeOffset Day = SimulatedTraffic.Wednesday;

    [Fact]
    public void One_incident_starts_in_every_slot_and_lasts_the_configured_duration()
    {
        var incidents = new IncidentSchedule(42, Every, Duration).Overlapping(Day, Day.AddDays(1)).ToList();

        Assert.Equal(8, incidents.Count);
        Assert.All(incidents, i => Assert.Equal(Duration, i.End - i.Start));
        Assert.Equal(8, incidents.Select(i => i.Start.ToUnixTimeSeconds() / (long)Every.TotalSeconds).Distinct().Count());
    }

    [Fact]
    public void Each_kind_occurs_once_in_every_four_slots()
    {
        // Slots count from the Unix epoch, so four 3-hour slots start at UTC midnight.
        var midnight = new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);

        var kinds = new IncidentSchedule(42, Every, Duration).Overlapping(midnight, midnight.AddHours(12)).Select(i => i.Kind);

        Assert.Equal(IncidentKinds.All.Order(), kinds.Order());
    }

    [Fact]
    public void The_schedule_depends_only_on_seed_and_slot()
    {
        var whole = new IncidentSchedule(42, Every, Duration).Overlapping(Day, Day.AddDays(2)).ToList();
        var secondDay = new IncidentSchedule(42, Every, Duration).Overlapping(Day.AddDays(1), Day.AddDays(2)).ToList();
        var otherSeed = new IncidentSchedule(7, Every, Duration).Overlapping(Day, Day.AddDays(2)).ToList();

        Assert.Equal(whole.Where(i => i.End > Day.AddDays(1)), secondDay);
        Assert.NotEqual(whole, otherSeed);
    }

    [Fact]
    public void No_incidents_are_scheduled_when_IncidentEvery_is_zero()
    {
        var schedule = new IncidentSchedule(42, TimeSpan.Zero, Duration);

        Assert.Empty(schedule.Overlapping(Day, Day.AddDays(30)));
        Assert.Empty(schedule.StartingFrom(Day));
    }

    [Fact]
    public void Upcoming_incidents_are_the_next_slots_in_order()
    {
        var upcoming = new IncidentSchedule(42, Every, Duration).StartingFrom(Day).Take(3).ToList();

        Assert.All(upcoming, i => Assert.True(i.Start >= Day));
        Assert.Equal(upcoming.OrderBy(i => i.Start), upcoming);
        Assert.True(upcoming[2].Start - upcoming[0].Start <= 3 * Every);
    }
}
