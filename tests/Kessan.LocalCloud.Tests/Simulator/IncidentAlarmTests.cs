using Kessan.LocalCloud.Simulator.Incidents;

namespace Kessan.LocalCloud.Tests.Simulator;

/// <summary>Each incident fires its seed alarm; normal traffic never does.</summary>
public sealed class IncidentAlarmTests(NormalWeek week) : IClassFixture<NormalWeek>
{
    /// <summary>An incident's periods clear the threshold by a tenth (ECS CPU cannot go above 100 %)…</summary>
    private const double BreachMargin = 0.1;

    /// <summary>…and normal ones stay a quarter below it.</summary>
    private const double NormalHeadroom = 0.25;

    private static readonly TimeSpan IncidentLength = TimeSpan.FromMinutes(20);


    [Theory]
    [MemberData(nameof(IncidentCases.AtQuietAndBusyHours), MemberType = typeof(IncidentCases))]
    public void Incident_breaches_its_alarm_for_its_evaluation_periods(string kind, string alarmName, int tokyoHour)
    {
        Assert.True(IncidentKinds.TryParse(kind, out var incidentKind));
        var alarm = SeedAlarm.Named(alarmName);
        var day = tokyoHour < 8 ? SimulatedTraffic.Sunday : SimulatedTraffic.Wednesday;
        // Starts off the 5-minute grid, as a real incident would.
        var start = day.AddHours(tokyoHour).AddMinutes(7);
        var periods = new AlarmPeriods(alarm);

        periods.AddRange(new SimulatedTraffic()
            .WithIncident(incidentKind, start, IncidentLength)
            .Published(start.AddMinutes(-10), start + IncidentLength + TimeSpan.FromMinutes(10)));

        Assert.True(
            periods.LongestRunAbove(alarm.Threshold * (1 + BreachMargin)) >= alarm.EvaluationPeriods,
            $"{alarm.Name} periods: {string.Join(", ", periods.Values.Select(v => v.ToString("F1")))}");
    }

    [Theory]
    [InlineData("API-HighResponseTime")]
    [InlineData("API-HighErrorRate")]
    [InlineData("ECS-HighCPU")]
    [InlineData("DB-HighConnections")]
    public void Normal_traffic_stays_clearly_below_the_alarm_all_week(string alarmName)
    {
        var periods = week.Periods[alarmName];

        Assert.True(
            periods.Values.Max() < SeedAlarm.Named(alarmName).Threshold * (1 - NormalHeadroom),
            $"{alarmName} peaks at {periods.Values.Max():F1}");
    }
}

/// <summary>A whole week of normal traffic (Monday to Sunday, Tokyo), folded into the seed alarms' periods as it is
/// generated so the week's datums are never held at once.</summary>
public sealed class NormalWeek
{
    public NormalWeek()
    {
        Periods = SeedAlarm.All.ToDictionary(a => a.Name, a => new AlarmPeriods(a));
        var monday = SimulatedTraffic.Wednesday.AddDays(-2);
        foreach (var datum in new SimulatedTraffic().Published(monday, monday.AddDays(7)))
        {
            foreach (var periods in Periods.Values)
            {
                periods.Add(datum);
            }
        }
    }

    public IReadOnlyDictionary<string, AlarmPeriods> Periods { get; }
}
