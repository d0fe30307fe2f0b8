using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Metrics;

/// <summary>Where datapoints go: PutMetricData and the in-process traffic simulator both write here.</summary>
public interface IMetricSink
{
    /// <summary>Stores <paramref name="data"/> under <paramref name="metricNamespace"/>; a datum without a timestamp is taken as now.</summary>
    void Put(string metricNamespace, IReadOnlyList<MetricDatum> data);
}
