using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kessan.LocalCloud.Simulator.Incidents;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class IncidentEndpointTests
{
    private const string Incidents = "/_localcloud/incidents";

    [Fact]
    public async Task Posting_an_incident_starts_it_now_for_the_given_minutes()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));

        using var response = await PostAsync(host, """{"type":"error-burst","minutes":15}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var incident = await response.Content.ReadFromJsonAsync(IncidentJsonContext.Default.IncidentView);
        Assert.Equal(("error-burst", "on-demand"), (incident!.Type, incident.Origin));
        Assert.Equal((SimulatorHost.Now, SimulatorHost.Now.AddMinutes(15)), (incident.Start, incident.End));
    }

    [Fact]
    public async Task Posting_without_minutes_uses_the_configured_incident_duration()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"), ("IncidentDuration", "00:25:00"));

        using var response = await PostAsync(host, """{"type":"cpu-surge"}""");

        var incident = await response.Content.ReadFromJsonAsync(IncidentJsonContext.Default.IncidentView);
        Assert.Equal(TimeSpan.FromMinutes(25), incident!.End - incident.Start);
    }

    [Fact]
    public async Task An_unknown_type_is_refused_with_the_accepted_types()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));

        using var response = await PostAsync(host, """{"type":"meteor-strike","minutes":5}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "Unknown incident type \"meteor-strike\"; expected one of latency-spike, error-burst, cpu-surge, db-connection-surge.",
            await DetailAsync(response));
    }

    [Theory]
    [InlineData("0", "got 0.")]
    [InlineData("361", "got 361.")]
    [InlineData("2.5", "got something else.")]
    [InlineData("\"ten\"", "got something else.")]
    public async Task Minutes_outside_1_to_360_are_refused(string minutes, string ending)
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));

        using var response = await PostAsync(host, $$"""{"type":"cpu-surge","minutes":{{minutes}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await DetailAsync(response);
        Assert.StartsWith("\"minutes\" must be a whole number from 1 to 360", detail);
        Assert.EndsWith(ending, detail);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_an_example()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));

        using var response = await PostAsync(host, "latency-spike please");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("""The body must be a JSON object such as {"type":"latency-spike","minutes":20}""", await DetailAsync(response));
    }

    [Fact]
    public async Task The_listing_shows_active_incidents_and_the_next_scheduled_ones()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"));
        using var started = await PostAsync(host, """{"type":"db-connection-surge","minutes":10}""");

        var listing = await host.Client.GetFromJsonAsync(Incidents, IncidentJsonContext.Default.IncidentListing);

        Assert.Contains(listing!.Active, i => i is { Type: "db-connection-surge", Origin: "on-demand" });
        Assert.Equal(5, listing.Upcoming.Count);
        Assert.All(listing.Upcoming, i =>
        {
            Assert.Equal("scheduled", i.Origin);
            Assert.True(i.Start > SimulatorHost.Now);
        });
    }

    [Fact]
    public async Task An_incident_started_on_demand_shows_in_the_next_published_slice()
    {
        await using var host = await SimulatorHost.StartAsync(("Backfill", "00:01:00"), ("IncidentEvery", "00:00:00"));
        await host.Sink.WaitForSlicesAsync(1);
        using var started = await PostAsync(host, """{"type":"latency-spike","minutes":5}""");

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Sink.WaitForSlicesAsync(2);

        var search = new AlarmPeriods(SeedAlarm.HighResponseTime);
        search.AddRange(host.Sink.Data.Where(d => d.Datum.Timestamp == SimulatorHost.Now));
        Assert.True(search.Values.Single() > SeedAlarm.HighResponseTime.Threshold, $"search averaged {search.Values.Single():F0} ms");
    }

    [Fact]
    public async Task A_disabled_simulator_refuses_incidents()
    {
        await using var host = await SimulatorHost.StartAsync(("Enabled", "false"));

        using var response = await PostAsync(host, """{"type":"latency-spike","minutes":5}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("LocalCloud:Simulator:Enabled=false", await DetailAsync(response));
    }

    private static Task<HttpResponseMessage> PostAsync(SimulatorHost host, string body) =>
        host.Client.PostAsync(Incidents, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }
}
