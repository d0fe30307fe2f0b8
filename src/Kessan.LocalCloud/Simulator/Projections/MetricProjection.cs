using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Simulator.Projections;

/// <summary>Datums for one namespace, as one PutMetricData call would carry them.</summary>
public sealed record MetricBatch(string Namespace, IReadOnlyList<MetricDatum> Data);

/// <summary>A traffic sample as the CloudWatch metrics the seed's backend (BusinessMetrics) and AWS would publish: one
/// datum per series per slice, stamped with the slice start. Business counts are skipped when zero, as a backend that
/// records events sends nothing when nothing happened; AWS gauges are always sent.</summary>
public static class MetricProjection
{
    public const string BusinessNamespace = "Kessan/Business";
    public const string EcsNamespace = "AWS/ECS";
    public const string RdsNamespace = "AWS/RDS";
    public const string CacheNamespace = "AWS/ElastiCache";

    private const string Count = "Count";
    private const string Milliseconds = "Milliseconds";
    private const string Seconds = "Seconds";
    private const string Percent = "Percent";
    private const string NoUnit = "None";

    /// <param name="environment">Names the AWS resources: kessan-{env}, kessan-db-{env}, kessan-redis-{env}.</param>
    public static IReadOnlyList<MetricBatch> Project(TrafficSample sample, string environment)
    {
        var at = sample.Start;
        var levels = sample.Resources;
        Dimension[] service = [new("ServiceName", "kessan-api-service"), new("ClusterName", $"kessan-{environment}")];
        Dimension[] database = [new("DBInstanceIdentifier", $"kessan-db-{environment}")];
        Dimension[] cache = [new("CacheClusterId", $"kessan-redis-{environment}")];
        return
        [
            new(BusinessNamespace, Business(sample)),
            new(EcsNamespace,
            [
                Single("CPUUtilization", Percent, levels.EcsCpuPercent, at, service),
                Single("MemoryUtilization", Percent, levels.EcsMemoryPercent, at, service),
            ]),
            new(RdsNamespace,
            [
                Single("CPUUtilization", Percent, levels.RdsCpuPercent, at, database),
                Single("DatabaseConnections", Count, levels.DatabaseConnections, at, database),
                Single("ReadLatency", Seconds, levels.RdsReadLatencySeconds, at, database),
                Single("WriteLatency", Seconds, levels.RdsWriteLatencySeconds, at, database),
            ]),
            new(CacheNamespace,
            [
                Single("CacheHitRate", Percent, levels.CacheHitRatePercent, at, cache),
                Single("CacheMisses", Count, levels.CacheMisses, at, cache),
                Single("CacheHits", Count, levels.CacheHits, at, cache),
            ]),
        ];
    }

    private static List<MetricDatum> Business(TrafficSample sample)
    {
        var at = sample.Start;
        var data = new List<MetricDatum>();

        foreach (var method in KessanBackend.RegistrationMethods)
        {
            var registrations = sample.Registrations.Count(r => r.Method == method);
            if (registrations > 0)
            {
                data.Add(Single("UserRegistrations", Count, registrations, at, new Dimension("Method", method)));
            }
        }

        var byEndpoint = KessanBackend.Endpoints
            .Select(endpoint => (Endpoint: endpoint, Requests: sample.Requests.Where(r => r.Endpoint == endpoint).ToList()))
            .Where(e => e.Requests.Count > 0)
            .ToList();

        // The backend records each request by Endpoint+StatusCode; the seed's dashboard reads by Endpoint and its
        // error alarm by StatusCode alone, and CloudWatch does not aggregate across dimensions, so all three are sent.
        foreach (var (endpoint, requests) in byEndpoint)
        {
            data.Add(Single("APIRequests", Count, requests.Count, at, new Dimension("Endpoint", endpoint)));
        }

        foreach (var status in sample.Requests.GroupBy(r => r.StatusCode).OrderBy(g => g.Key))
        {
            data.Add(Single("APIRequests", Count, status.Count(), at, StatusCode(status.Key)));
        }

        foreach (var (endpoint, requests) in byEndpoint)
        {
            foreach (var status in requests.GroupBy(r => r.StatusCode).OrderBy(g => g.Key))
            {
                data.Add(Single("APIRequests", Count, status.Count(), at, new Dimension("Endpoint", endpoint), StatusCode(status.Key)));
            }
        }

        foreach (var (endpoint, requests) in byEndpoint)
        {
            data.Add(Spread("APIResponseTime", Milliseconds, requests.Select(r => r.ResponseTimeMs), at, new Dimension("Endpoint", endpoint)));
        }

        foreach (var type in KessanBackend.AnalysisTypes)
        {
            var analyses = sample.Analyses.Where(a => a.AnalysisType == type).ToList();
            if (analyses.Count == 0)
            {
                continue;
            }

            Dimension analysisType = new("AnalysisType", type);
            data.Add(Single("AIAnalysisGenerated", Count, analyses.Count, at, analysisType));
            data.Add(Spread("AIAnalysisCost", NoUnit, analyses.Select(a => a.CostUsd), at, analysisType));
            data.Add(Spread("AIAnalysisProcessingTime", Seconds, analyses.Select(a => a.ProcessingSeconds), at, analysisType));
        }

        return data;
    }

    private static Dimension StatusCode(int status) => new("StatusCode", status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static MetricDatum Single(string name, string unit, double value, DateTimeOffset at, params Dimension[] dimensions) =>
        new() { MetricName = name, Dimensions = dimensions, Timestamp = at, Value = value, Unit = unit };

    private static MetricDatum Spread(string name, string unit, IEnumerable<double> observations, DateTimeOffset at, params Dimension[] dimensions)
    {
        var distribution = ValueDistribution.Of(observations);
        return new()
        {
            MetricName = name,
            Dimensions = dimensions,
            Timestamp = at,
            Values = distribution.Values,
            Counts = distribution.Counts,
            Unit = unit,
        };
    }
}
