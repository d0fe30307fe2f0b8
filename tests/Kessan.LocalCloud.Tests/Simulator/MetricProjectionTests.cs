using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class MetricProjectionTests
{
    private static readonly DateTimeOffset Morning = SimulatedTraffic.Wednesday.AddHours(10);

    private static readonly IReadOnlyList<PublishedDatum> BusyHour =
        [.. new SimulatedTraffic().Published(Morning, Morning.AddHours(1))];

    [Fact]
    public void Published_series_are_exactly_the_seed_metrics_with_their_units()
    {
        string[] expected =
        [
            "Kessan/Business UserRegistrations [Method] Count",
            "Kessan/Business APIRequests [Endpoint] Count",
            "Kessan/Business APIRequests [StatusCode] Count",
            "Kessan/Business APIRequests [Endpoint,StatusCode] Count",
            "Kessan/Business APIResponseTime [Endpoint] Milliseconds",
            "Kessan/Business AIAnalysisGenerated [AnalysisType] Count",
            "Kessan/Business AIAnalysisCost [AnalysisType] None",
            "Kessan/Business AIAnalysisProcessingTime [AnalysisType] Seconds",
            "AWS/ECS CPUUtilization [ServiceName=kessan-api-service,ClusterName=kessan-local] Percent",
            "AWS/ECS MemoryUtilization [ServiceName=kessan-api-service,ClusterName=kessan-local] Percent",
            "AWS/RDS CPUUtilization [DBInstanceIdentifier=kessan-db-local] Percent",
            "AWS/RDS DatabaseConnections [DBInstanceIdentifier=kessan-db-local] Count",
            "AWS/RDS ReadLatency [DBInstanceIdentifier=kessan-db-local] Seconds",
            "AWS/RDS WriteLatency [DBInstanceIdentifier=kessan-db-local] Seconds",
            "AWS/ElastiCache CacheHitRate [CacheClusterId=kessan-redis-local] Percent",
            "AWS/ElastiCache CacheMisses [CacheClusterId=kessan-redis-local] Count",
            "AWS/ElastiCache CacheHits [CacheClusterId=kessan-redis-local] Count",
        ];

        var published = BusyHour.Select(SeriesKey).Distinct();

        Assert.Equal(expected.Order(), published.Order());
    }

    public static TheoryData<string, string[]> BusinessDimensions => new()
    {
        { "Method", ["email", "google", "line"] },
        { "Endpoint", ["/stocks/search", "/stocks/{ticker}", "/analysis/{ticker}/generate", "/watchlist"] },
        { "AnalysisType", ["comprehensive", "short_term", "mid_term", "long_term"] },
    };

    [Theory]
    [MemberData(nameof(BusinessDimensions))]
    public void Business_dimensions_take_the_seed_values(string dimension, string[] values)
    {
        var published = BusyHour
            .SelectMany(d => d.Datum.Dimensions ?? [])
            .Where(d => d.Name == dimension)
            .Select(d => d.Value)
            .Distinct();

        Assert.Equal(values.Order(), published.Order());
    }

    [Fact]
    public void Every_datum_carries_its_slice_start_and_a_unit()
    {
        var sample = new TrafficModel(42).Sample(Morning, TimeSpan.FromMinutes(1), []);

        Assert.All(SimulatedTraffic.Project(sample), d =>
        {
            Assert.Equal(Morning, d.Datum.Timestamp);
            Assert.False(string.IsNullOrEmpty(d.Datum.Unit));
        });
    }

    [Fact]
    public void Requests_by_endpoint_add_up_to_requests_by_status_code_and_by_both()
    {
        var requests = SimulatedTraffic.Project(new TrafficModel(42).Sample(Morning, TimeSpan.FromMinutes(1), []))
            .Where(d => d.Datum.MetricName == "APIRequests")
            .GroupBy(d => string.Join(',', d.Datum.Dimensions!.Select(x => x.Name)))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Datum.Value!.Value));

        Assert.Equal(requests["Endpoint"], requests["StatusCode"]);
        Assert.Equal(requests["Endpoint"], requests["Endpoint,StatusCode"]);
    }

    [Fact]
    public void Business_counts_are_never_zero()
    {
        var night = SimulatedTraffic.Sunday.AddHours(4);
        var counts = new SimulatedTraffic().InSlicesOf(TimeSpan.FromSeconds(5)).Published(night, night.AddMinutes(10))
            .Where(d => d.Namespace == "Kessan/Business" && d.Datum.Unit == "Count");

        Assert.All(counts, d => Assert.True(d.Datum.Value > 0, $"{d.Datum.MetricName} published with {d.Datum.Value}"));
    }

    [Fact]
    public void Distributions_have_at_most_150_distinct_values_each()
    {
        var distributions = BusyHour.Where(d => d.Datum.Values is not null).ToList();

        Assert.NotEmpty(distributions);
        Assert.All(distributions, d =>
        {
            Assert.InRange(d.Datum.Values!.Count, 1, 150);
            Assert.Equal(d.Datum.Values!.Count, d.Datum.Counts!.Count);
            Assert.Equal(d.Datum.Values!.Count, d.Datum.Values!.Distinct().Count());
        });
    }

    [Fact]
    public void Response_time_distribution_keeps_the_exact_count_and_sum()
    {
        var sample = new TrafficModel(42).Sample(Morning, TimeSpan.FromMinutes(5), []);
        var searches = sample.Requests.Where(r => r.Endpoint == KessanBackend.StockSearch).ToList();

        var datum = SimulatedTraffic.Project(sample)
            .Single(d => d.Datum.MetricName == "APIResponseTime" && d.Datum.Dimensions![0].Value == KessanBackend.StockSearch).Datum;

        Assert.Equal(searches.Count, datum.Counts!.Sum());
        Assert.Equal(searches.Sum(r => r.ResponseTimeMs), datum.Values!.Select((v, i) => v * datum.Counts![i]).Sum(), tolerance: 1e-6);
    }

    [Fact]
    public void Gauges_are_one_value_per_slice()
    {
        var gauges = BusyHour.Where(d => d.Namespace.StartsWith("AWS/", StringComparison.Ordinal)).ToList();

        Assert.All(gauges, d => Assert.NotNull(d.Datum.Value));
        Assert.Equal(60 * 9, gauges.Count);
    }

    private static string SeriesKey(PublishedDatum published)
    {
        var datum = published.Datum;
        var withValues = published.Namespace.StartsWith("AWS/", StringComparison.Ordinal);
        var dimensions = string.Join(',', datum.Dimensions!.Select(d => withValues ? $"{d.Name}={d.Value}" : d.Name));
        return $"{published.Namespace} {datum.MetricName} [{dimensions}] {datum.Unit}";
    }
}
