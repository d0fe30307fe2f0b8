using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Tests.Simulator;

/// <summary>An incident shows consistently across the metrics it touches.</summary>
public sealed class IncidentEffectTests
{
    private static readonly DateTimeOffset Start = SimulatedTraffic.Wednesday.AddHours(14);
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(20);

    [Fact]
    public void A_latency_spike_also_slows_the_database_and_cools_the_cache()
    {
        var before = Resources(new SimulatedTraffic(), Start);
        var during = Resources(new SimulatedTraffic().WithIncident(IncidentKind.LatencySpike, Start, Length), Start);

        Assert.True(during.RdsReadLatencySeconds > 2 * before.RdsReadLatencySeconds, $"read latency {before.RdsReadLatencySeconds} -> {during.RdsReadLatencySeconds}");
        Assert.True(during.CacheHitRatePercent < before.CacheHitRatePercent - 5, $"hit rate {before.CacheHitRatePercent} -> {during.CacheHitRatePercent}");
    }

    [Fact]
    public void An_error_burst_shows_in_requests_by_endpoint_and_status_code()
    {
        var data = new SimulatedTraffic().WithIncident(IncidentKind.ErrorBurst, Start, Length)
            .Published(Start, Start.AddMinutes(5))
            .Where(d => d.Datum.MetricName == "APIRequests" && d.Datum.Dimensions!.Any(x => x is { Name: "StatusCode", Value: "500" }))
            .ToList();
        var byStatus = data.Where(d => d.Datum.Dimensions!.Count == 1).Sum(d => d.Datum.Value);
        var byEndpointAndStatus = data.Where(d => d.Datum.Dimensions!.Count == 2).ToList();

        Assert.True(byStatus > 10, $"{byStatus} errors in the burst's first five minutes");
        Assert.Equal(byStatus, byEndpointAndStatus.Sum(d => d.Datum.Value));
        Assert.Equal(4, byEndpointAndStatus.Select(d => d.Datum.Dimensions![0].Value).Distinct().Count());
    }

    [Fact]
    public void An_incident_changes_what_happens_to_requests_not_which_requests_there_are()
    {
        var normal = new SimulatedTraffic().Samples(Start, Start.AddMinutes(1)).Single();
        var burst = new SimulatedTraffic().WithIncident(IncidentKind.ErrorBurst, Start, Length).Samples(Start, Start.AddMinutes(1)).Single();

        Assert.Equal(normal.Requests.Select(r => (r.Offset, r.Endpoint, r.Path, r.UserId)), burst.Requests.Select(r => (r.Offset, r.Endpoint, r.Path, r.UserId)));
    }

    [Fact]
    public void A_cpu_surge_slows_requests_without_firing_the_latency_alarm()
    {
        var periods = new AlarmPeriods(SeedAlarm.HighResponseTime);
        periods.AddRange(new SimulatedTraffic().WithIncident(IncidentKind.CpuSurge, Start, Length).Published(Start, Start + Length));

        Assert.All(periods.Values, v => Assert.True(v < SeedAlarm.HighResponseTime.Threshold / 2, $"search averages {v:F0} ms"));
    }

    [Fact]
    public void An_incident_starting_mid_slice_moves_the_gauges_part_way()
    {
        var minute = Start.AddMinutes(1);
        var whole = Resources(new SimulatedTraffic().WithIncident(IncidentKind.CpuSurge, minute, Length), minute);
        var half = Resources(new SimulatedTraffic().WithIncident(IncidentKind.CpuSurge, minute.AddSeconds(30), Length), minute);
        var none = Resources(new SimulatedTraffic(), minute);

        Assert.InRange(half.EcsCpuPercent, none.EcsCpuPercent + 10, whole.EcsCpuPercent - 10);
    }

    private static ResourceLevels Resources(SimulatedTraffic traffic, DateTimeOffset minute) =>
        traffic.Samples(minute, minute.AddMinutes(1)).Single().Resources;
}
