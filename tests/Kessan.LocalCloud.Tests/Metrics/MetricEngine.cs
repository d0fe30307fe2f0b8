using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Metrics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.LocalCloud.Tests.Metrics;

/// <summary>The CloudWatch metric operations as the endpoint wires them, on a fake clock, without HTTP.
/// The clock starts an hour after <see cref="Start"/>, so the hour from <see cref="Start"/> is the recent past.</summary>
internal sealed class MetricEngine
{
    public const string Namespace = "Kessan/Test";
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    public MetricEngine(TimeSpan? retention = null)
    {
        Clock = new FakeTimeProvider(Start.AddHours(1));
        Store = new MetricStore(Options.Create(new LocalCloudOptions { Retention = retention ?? TimeSpan.FromDays(3) }), Clock);
        GetMetricData = new GetMetricDataOperation(Store);
        ListMetrics = new ListMetricsOperation(Store);
        PutMetricData = new PutMetricDataOperation(Store, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public MetricStore Store { get; }

    public GetMetricDataOperation GetMetricData { get; }

    public ListMetricsOperation ListMetrics { get; }

    public PutMetricDataOperation PutMetricData { get; }

    public static DateTimeOffset Minute(int minutesAfterStart) => Start.AddMinutes(minutesAfterStart);

    public void Put(params MetricDatum[] data) =>
        PutMetricData.Handle(new PutMetricDataRequest { Namespace = Namespace, MetricData = data }, CancellationToken.None);

    /// <summary>GetMetricData over [from, to), by default the hour from <see cref="Start"/>.</summary>
    public GetMetricDataResponse Get(IReadOnlyList<MetricDataQuery> queries, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? scanBy = null, string? nextToken = null, int? maxDatapoints = null) =>
        GetMetricData.Handle(new GetMetricDataRequest
        {
            MetricDataQueries = queries,
            StartTime = from ?? Start,
            EndTime = to ?? Start.AddHours(1),
            ScanBy = scanBy,
            NextToken = nextToken,
            MaxDatapoints = maxDatapoints,
        }, CancellationToken.None);

    /// <summary>The datapoints of a single query, oldest first.</summary>
    public (DateTimeOffset Time, double Value)[] Points(MetricDataQuery query, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Pairs(Get([query], from, to, CloudWatchValues.TimestampAscending).MetricDataResults!.Single());

    public static (DateTimeOffset Time, double Value)[] Pairs(MetricDataResult result) =>
        result.Timestamps!.Zip(result.Values!).ToArray();
}

/// <summary>Builds datums for <see cref="MetricEngine.Namespace"/>.</summary>
internal static class Datum
{
    public static MetricDatum Value(string metricName, double value, DateTimeOffset at, params Dimension[] dimensions) =>
        new() { MetricName = metricName, Value = value, Timestamp = at, Dimensions = dimensions };

    public static MetricDatum Values(string metricName, double[] values, double[]? counts, DateTimeOffset at) =>
        new() { MetricName = metricName, Values = values, Counts = counts, Timestamp = at };

    public static MetricDatum Set(string metricName, StatisticSet set, DateTimeOffset at) =>
        new() { MetricName = metricName, StatisticValues = set, Timestamp = at };
}

/// <summary>Builds MetricStat queries for <see cref="MetricEngine.Namespace"/>.</summary>
internal static class Query
{
    public static MetricDataQuery Stat(string metricName, string stat, int period = 60, string id = "q", params Dimension[] dimensions) => new()
    {
        Id = id,
        MetricStat = new MetricStat
        {
            Metric = new Metric { Namespace = MetricEngine.Namespace, MetricName = metricName, Dimensions = dimensions },
            Period = period,
            Stat = stat,
        },
    };
}
