using System.Text.Json;
using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Projections;
using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class LogProjectionTests
{
    private static readonly DateTimeOffset Noon = SimulatedTraffic.Wednesday.AddHours(13);

    [Fact]
    public void Every_request_behind_APIRequests_is_one_api_request_line()
    {
        var samples = new SimulatedTraffic().Samples(Noon, Noon.AddMinutes(10)).ToList();

        var lines = samples.Sum(sample => Lines(sample).Count(line => Event(line) == "api_request"));
        var counted = samples.SelectMany(SimulatedTraffic.Project)
            .Where(d => d.Datum.MetricName == "APIRequests" && d.Datum.Dimensions!.Count == 1 && d.Datum.Dimensions[0].Name == "Endpoint")
            .Sum(d => d.Datum.Value!.Value);

        Assert.Equal(counted, lines);
        Assert.Equal(samples.Sum(sample => sample.Requests.Count), lines);
    }

    [Fact]
    public void An_error_burst_writes_an_application_error_for_each_5xx()
    {
        var sample = new SimulatedTraffic().WithIncident(IncidentKind.ErrorBurst, Noon, TimeSpan.FromMinutes(1)).Samples(Noon, Noon.AddMinutes(1)).Single();

        var errors = Lines(sample).Where(line => Event(line) == "application_error").ToList();

        Assert.Equal(sample.Requests.Count(r => r.StatusCode >= 500), errors.Count);
        Assert.True(errors.Count > sample.Requests.Count / 4, $"{errors.Count} errors of {sample.Requests.Count} requests");
        Assert.All(errors, line => Assert.Equal("DatabaseError", Field(line, "error_type")));
    }

    [Fact]
    public void A_latency_spike_shows_as_slow_api_request_lines()
    {
        var calm = new SimulatedTraffic().Samples(Noon, Noon.AddMinutes(5)).ToList();
        var spiked = new SimulatedTraffic().WithIncident(IncidentKind.LatencySpike, Noon, TimeSpan.FromMinutes(5)).Samples(Noon, Noon.AddMinutes(5)).ToList();

        Assert.True(SlowSearches(spiked) > 10 * Math.Max(1, SlowSearches(calm)), $"{SlowSearches(spiked)} slow searches in the spike, {SlowSearches(calm)} without");
    }

    [Fact]
    public void Lines_are_the_StructuredLoggers_JSON_with_the_processors_fields()
    {
        var sample = new SimulatedTraffic().WithIncident(IncidentKind.ErrorBurst, Noon, TimeSpan.FromMinutes(10)).Samples(Noon, Noon.AddMinutes(10)).Last();

        var keys = Lines(sample)
            .GroupBy(Event)
            .ToDictionary(group => group.Key, group => string.Join(",", Keys(group.First())));

        Assert.Equal("event,method,path,status_code,response_time_ms,user_id,service,logger,level,timestamp", keys["api_request"]);
        Assert.Equal("event,error_type,error_message,context,user_id,service,logger,level,timestamp", keys["application_error"]);
        Assert.Equal("event,provider,endpoint,response_time_ms,status_code,cost_usd,service,logger,level,timestamp", keys["external_api_call"]);
        Assert.Equal("event,user_id,action,details,service,logger,level,timestamp", keys["user_action"]);
    }

    [Fact]
    public void A_line_is_stamped_with_its_request_time_in_its_timestamp_field_too()
    {
        var sample = new SimulatedTraffic().Samples(Noon, Noon.AddMinutes(1)).Single();

        var first = LogProjection.Project(sample, SimulatedTraffic.Environment, 42).SelectMany(batch => batch.Events).First();

        Assert.Equal(first.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"), Field(first.Message, "timestamp"));
    }

    [Fact]
    public void Each_ECS_task_writes_its_own_chronological_stream_in_the_environments_group()
    {
        var sample = new SimulatedTraffic().Samples(Noon, Noon.AddMinutes(1)).Single();

        var batches = LogProjection.Project(sample, "staging", 42);

        Assert.Equal(2, batches.Select(batch => batch.LogStreamName).Distinct().Count());
        Assert.All(batches, batch =>
        {
            Assert.Equal("/kessan/staging/api", batch.LogGroupName);
            Assert.Matches("^kessan-api/kessan-api/[0-9a-f]{32}$", batch.LogStreamName);
            Assert.Equal(batch.Events.Select(e => e.Timestamp).Order(), batch.Events.Select(e => e.Timestamp));
        });
    }

    [Fact]
    public void A_generate_analysis_action_names_the_type_of_the_analysis_its_request_made()
    {
        var sample = new SimulatedTraffic().Samples(Noon, Noon.AddMinutes(10)).Last();
        var typeAt = sample.Analyses.DistinctBy(analysis => analysis.Offset).ToDictionary(
            analysis => (sample.Start + analysis.Offset).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"), analysis => analysis.AnalysisType);

        var actions = Lines(sample).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("event").GetString() == "user_action" && line.GetProperty("action").GetString() == "generate_analysis")
            .ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, line => Assert.Equal(
            typeAt[line.GetProperty("timestamp").GetString()!], line.GetProperty("details").GetProperty("analysis_type").GetString()));
    }

    private static int SlowSearches(IEnumerable<TrafficSample> samples) =>
        samples.SelectMany(Lines).Count(line => Event(line) == "api_request" && Field(line, "path") == KessanBackend.StockSearch
            && JsonDocument.Parse(line).RootElement.GetProperty("response_time_ms").GetDouble() > 1000);

    private static IEnumerable<string> Lines(TrafficSample sample) =>
        LogProjection.Project(sample, SimulatedTraffic.Environment, 42).SelectMany(batch => batch.Events).Select(e => e.Message);

    private static string Event(string line) => Field(line, "event")!;

    private static string? Field(string line, string name) => JsonDocument.Parse(line).RootElement.GetProperty(name).GetString();

    private static IEnumerable<string> Keys(string line) => JsonDocument.Parse(line).RootElement.EnumerateObject().Select(property => property.Name);
}
