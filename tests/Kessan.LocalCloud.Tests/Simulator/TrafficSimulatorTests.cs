using Kessan.LocalCloud.Simulator.Traffic;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class TrafficSimulatorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Start_installs_the_seed_dashboards_for_the_environment()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));
        await host.Sink.WaitForSlicesAsync(1);

        Assert.Equal(["Kessan-local-Main", "Kessan-local-Performance"], host.Dashboards.List(null).Select(d => d.Name));
        Assert.All(host.Dashboards.List(null), d =>
            Assert.Equal(SeedGuide.DashboardBody(d.Name["Kessan-local-".Length..]).Replace("${Environment}", "local", StringComparison.Ordinal), d.Body));
    }

    [Fact]
    public async Task Backfill_covers_the_last_24_hours_in_one_minute_slices()
    {
        await using var host = await SimulatorHost.StartAsync();

        await host.Sink.WaitForSlicesAsync(24 * 60);

        var expected = Enumerable.Range(0, 24 * 60).Select(i => SimulatorHost.Now.AddHours(-24).AddMinutes(i));
        Assert.Equal(expected, host.Sink.SliceStarts);
    }

    [Fact]
    public async Task Live_slices_of_PublishInterval_are_published_every_PublishInterval()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"), ("PublishInterval", "00:00:05"));
        await host.Sink.WaitForSlicesAsync(1);

        for (var published = 2; published <= 4; published++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            await host.Sink.WaitForSlicesAsync(published);
        }

        Assert.Equal(
            [SimulatorHost.Now, SimulatorHost.Now.AddSeconds(5), SimulatorHost.Now.AddSeconds(10)],
            host.Sink.SliceStarts.Skip(1));
    }

    [Fact]
    public async Task A_live_slice_holds_PublishInterval_worth_of_the_model_traffic()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"), ("PublishInterval", "00:00:05"), ("IncidentEvery", "00:00:00"));
        await host.Sink.WaitForSlicesAsync(1);

        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.Sink.WaitForSlicesAsync(2);

        var expected = SimulatedTraffic.Project(new TrafficModel(42).Sample(SimulatorHost.Now, TimeSpan.FromSeconds(5), []));
        Assert.Equal(
            RequestsByEndpoint(expected),
            RequestsByEndpoint(host.Sink.Data.Where(d => d.Datum.Timestamp == SimulatorHost.Now)));
    }

    [Fact]
    public async Task A_late_tick_catches_up_on_every_missed_slice()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"), ("PublishInterval", "00:00:05"));
        await host.Sink.WaitForSlicesAsync(1);

        host.Clock.Advance(TimeSpan.FromSeconds(17));
        await host.Sink.WaitForSlicesAsync(4);

        Assert.Equal(
            [SimulatorHost.Now, SimulatorHost.Now.AddSeconds(5), SimulatorHost.Now.AddSeconds(10)],
            host.Sink.SliceStarts.Skip(1));
    }

    [Fact]
    public async Task A_slice_the_sink_refuses_does_not_stop_the_traffic()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));
        await host.Sink.WaitForSlicesAsync(1);
        host.Sink.Refuse(1);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Sink.WaitForSlicesAsync(2);

        Assert.Equal([SimulatorHost.Now.AddMinutes(-1), SimulatorHost.Now.AddMinutes(1)], host.Sink.SliceStarts);
    }

    [Fact]
    public async Task A_disabled_simulator_installs_the_dashboards_and_publishes_nothing()
    {
        await using var host = await SimulatorHost.StartAsync(("Enabled", "false"));

        await host.Simulator.ExecuteTask!.WaitAsync(Deadline);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, host.Dashboards.List("Kessan-local-").Count);
        Assert.Empty(host.Sink.Data);
    }

    [Theory]
    [InlineData("PublishInterval", "00:00:00")]
    [InlineData("IncidentEvery", "-01:00:00")]
    [InlineData("IncidentDuration", "00:00:30")]
    public async Task A_simulator_setting_out_of_range_stops_start_up_naming_it(string setting, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync((setting, value)));

        Assert.Contains($"'{setting}'", failure.Message);
    }

    private static IEnumerable<(string, double)> RequestsByEndpoint(IEnumerable<PublishedDatum> data) =>
        data.Where(d => d.Datum.MetricName == "APIRequests" && d.Datum.Dimensions is [{ Name: "Endpoint" }])
            .Select(d => (d.Datum.Dimensions![0].Value, d.Datum.Value!.Value))
            .Order();

    [Fact]
    public async Task Back_fill_and_live_slices_write_the_log_lines_of_the_same_requests()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:02:00"), ("PublishInterval", "00:01:00"), ("IncidentEvery", "00:00:00"));
        await host.Sink.WaitForSlicesAsync(2);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Sink.WaitForSlicesAsync(3);

        var model = new TrafficModel(42);
        var expected = Enumerable.Range(-2, 3).Sum(minute => model.Sample(SimulatorHost.Now.AddMinutes(minute), TimeSpan.FromMinutes(1), []).Requests.Count);
        var group = host.Logs.Find("/kessan/local/api")!;
        var lines = group.Segments.Select(segment => segment.View())
            .Sum(view => Enumerable.Range(0, view.Count).Count(i => view.MessageText(i).StartsWith("{\"event\":\"api_request\"", StringComparison.Ordinal)));
        Assert.Equal(expected, lines);
    }
}
