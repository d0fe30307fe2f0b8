using System.Globalization;
using Kessan.Console.Core.Logs;
using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Projections;
using Kessan.LocalCloud.Simulator.Traffic;
using Kessan.LocalCloud.Tests.Simulator;

namespace Kessan.LocalCloud.Tests.Logs;

/// <summary>The console's four saved queries run on two hours of simulated logs (an error burst and a latency spike
/// included); each answer is worked out here from the simulated requests themselves, not from the log lines.</summary>
public sealed class SeedQueryTests : IClassFixture<SeedQueryTests.SimulatedHours>
{
    private readonly SimulatedHours _logs;

    public SeedQueryTests(SimulatedHours logs) => _logs = logs;

    [Fact]
    public async Task Errors_lists_every_5xx_newest_first_up_to_the_default_limit()
    {
        var answer = await _logs.RunAsync(SeedQueries.Errors);

        var expected = _logs.Requests.Where(r => r.Request.StatusCode >= 500)
            .Select(r => r.At).OrderDescending().Take(1_000).Select(Shown).ToList();
        Assert.Equal(expected, answer.Column("@timestamp"));
        Assert.All(answer.Rows, row => Assert.True(row.ContainsKey("error_type") && row.ContainsKey("error_message")));
    }

    [Fact]
    public async Task Api_performance_averages_the_requests_over_a_second_by_path_slowest_first()
    {
        var answer = await _logs.RunAsync(SeedQueries.ApiPerformance);

        var expected = _logs.Requests
            .Select(r => (r.Request.Path, Ms: Math.Round(r.Request.ResponseTimeMs, 2)))
            .Where(r => r.Ms > 1000)
            .GroupBy(r => r.Path)
            .Select(g => (Path: g.Key, Average: g.Average(r => r.Ms), Max: g.Max(r => r.Ms), Count: g.Count()))
            .OrderByDescending(g => g.Average)
            .ToList();
        Assert.Equal(expected.Select(g => g.Path), answer.Column("path"));
        Assert.Equal(expected.Select(g => (g.Max, g.Count)), answer.Rows.Select(row => (Number(row["max_response_time_ms"]), (int)Number(row["requests"]))));
        Assert.All(expected.Zip(answer.Rows), pair => Assert.Equal(pair.First.Average, Number(pair.Second["avg_response_time_ms"]), 6));
    }

    [Fact]
    public async Task User_activity_counts_each_action_most_frequent_first()
    {
        var answer = await _logs.RunAsync(SeedQueries.UserActivity);

        var actions = _logs.Requests
            .Where(r => r.Request.StatusCode < 400 && r.Request.UserId is not null)
            .Select(r => (r.Request.Endpoint, r.Request.Method) switch
            {
                (KessanBackend.Watchlist, "POST") => "watchlist_add",
                (KessanBackend.Watchlist, "DELETE") => "watchlist_remove",
                (KessanBackend.AnalysisGeneration, _) => "generate_analysis",
                _ => null,
            })
            .OfType<string>()
            .Concat(_logs.Samples.SelectMany(s => s.Registrations).Select(_ => "register"))
            .GroupBy(action => action)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(actions, answer.Rows.ToDictionary(row => row["action"], row => int.Parse(row["actions"], CultureInfo.InvariantCulture)));
        Assert.Equal(answer.Rows.Select(row => Number(row["actions"])).OrderDescending(), answer.Rows.Select(row => Number(row["actions"])));
    }

    [Fact]
    public async Task External_api_cost_sums_the_analyses_cost_by_provider()
    {
        var answer = await _logs.RunAsync(SeedQueries.ExternalApiCost);

        var expected = _logs.Samples.SelectMany(s => s.Analyses).Sum(a => Math.Round(a.CostUsd, 6));
        var row = Assert.Single(answer.Rows);
        Assert.Equal(LogProjection.AiProvider, row["provider"]);
        Assert.Equal(expected, Number(row["total_cost_usd"]), 9);
    }

    private static string Shown(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The hour before and the hour after <see cref="LogEngine.Start"/> (a Friday afternoon in Tokyo), as the
    /// simulator writes it, with a 10-minute error burst and a 15-minute latency spike.</summary>
    public sealed class SimulatedHours : IDisposable
    {
        private static readonly DateTimeOffset From = LogEngine.Start.AddHours(-1);
        private static readonly DateTimeOffset To = LogEngine.Start.AddHours(1);

        private readonly LogEngine _engine = new();

        public SimulatedHours()
        {
            Samples = [.. new SimulatedTraffic()
                .WithIncident(IncidentKind.ErrorBurst, LogEngine.Start.AddMinutes(-30), TimeSpan.FromMinutes(10))
                .WithIncident(IncidentKind.LatencySpike, LogEngine.Start.AddMinutes(10), TimeSpan.FromMinutes(15))
                .Samples(From, To)];
            foreach (var batch in Samples.SelectMany(sample => LogProjection.Project(sample, "test", seed: 42)))
            {
                _engine.Store.Put(LogEngine.Group, batch.LogStreamName, batch.Events);
            }

            Requests = [.. Samples.SelectMany(sample => sample.Requests.Select(request => (sample.Start + request.Offset, request)))];
        }

        public IReadOnlyList<TrafficSample> Samples { get; }

        public IReadOnlyList<(DateTimeOffset At, ApiRequest Request)> Requests { get; }

        public Task<QueryAnswer> RunAsync(SavedQuery query) => _engine.QueryAsync(query.QueryString, from: From, to: To.AddSeconds(-1));

        public void Dispose() => _engine.Dispose();
    }
}
