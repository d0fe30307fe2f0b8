using System.Text.Json.Serialization;

namespace Kessan.Console.Aws.CloudWatch;

// Wire shapes of the CloudWatch operations we use (AWS JSON 1.0, PascalCase members, timestamps as epoch
// seconds). Names and members follow @aws-sdk/client-cloudwatch; absent members are null and not sent.

public sealed record Dimension(string Name, string Value);

public sealed record DimensionFilter(string Name, string? Value = null);

public sealed record Metric
{
    public string? Namespace { get; init; }
    public string? MetricName { get; init; }
    public IReadOnlyList<Dimension>? Dimensions { get; init; }
}

public sealed record MetricStat
{
    public required Metric Metric { get; init; }
    public required int Period { get; init; }
    public required string Stat { get; init; }
    public string? Unit { get; init; }
}

public sealed record MetricDataQuery
{
    public required string Id { get; init; }
    public MetricStat? MetricStat { get; init; }
    public string? Expression { get; init; }
    public string? Label { get; init; }
    public bool? ReturnData { get; init; }
    public int? Period { get; init; }
    public string? AccountId { get; init; }
}

public sealed record LabelOptions(string? Timezone = null);

public sealed record GetMetricDataRequest
{
    public required IReadOnlyList<MetricDataQuery> MetricDataQueries { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required DateTimeOffset EndTime { get; init; }
    public string? NextToken { get; init; }
    public string? ScanBy { get; init; }
    public int? MaxDatapoints { get; init; }
    public LabelOptions? LabelOptions { get; init; }
}

public sealed record MessageData(string? Code = null, string? Value = null);

public sealed record MetricDataResult
{
    public string? Id { get; init; }
    public string? Label { get; init; }
    public IReadOnlyList<DateTimeOffset>? Timestamps { get; init; }
    [JsonConverter(typeof(MetricValuesConverter))]
    public IReadOnlyList<double>? Values { get; init; }
    public string? StatusCode { get; init; }
    public IReadOnlyList<MessageData>? Messages { get; init; }
}

public sealed record GetMetricDataResponse
{
    public IReadOnlyList<MetricDataResult>? MetricDataResults { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<MessageData>? Messages { get; init; }
}

public sealed record ListMetricsRequest
{
    public string? Namespace { get; init; }
    public string? MetricName { get; init; }
    public IReadOnlyList<DimensionFilter>? Dimensions { get; init; }
    public string? NextToken { get; init; }
    public string? RecentlyActive { get; init; }
}

public sealed record ListMetricsResponse
{
    public IReadOnlyList<Metric>? Metrics { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListDashboardsRequest
{
    public string? DashboardNamePrefix { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DashboardEntry
{
    public string? DashboardName { get; init; }
    public string? DashboardArn { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public long? Size { get; init; }
}

public sealed record ListDashboardsResponse
{
    public IReadOnlyList<DashboardEntry>? DashboardEntries { get; init; }
    public string? NextToken { get; init; }
}

public sealed record GetDashboardRequest(string DashboardName);

public sealed record GetDashboardResponse
{
    public string? DashboardArn { get; init; }
    public string? DashboardBody { get; init; }
    public string? DashboardName { get; init; }
}

public sealed record PutDashboardRequest(string DashboardName, string DashboardBody);

public sealed record DashboardValidationMessage(string? DataPath = null, string? Message = null);

public sealed record PutDashboardResponse
{
    public IReadOnlyList<DashboardValidationMessage>? DashboardValidationMessages { get; init; }
}

public sealed record StatisticSet(double SampleCount, double Sum, double Minimum, double Maximum);

public sealed record MetricDatum
{
    public required string MetricName { get; init; }
    public IReadOnlyList<Dimension>? Dimensions { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public double? Value { get; init; }
    public StatisticSet? StatisticValues { get; init; }
    public IReadOnlyList<double>? Values { get; init; }
    public IReadOnlyList<double>? Counts { get; init; }
    public string? Unit { get; init; }
    public int? StorageResolution { get; init; }
}

public sealed record PutMetricDataRequest
{
    public required string Namespace { get; init; }
    public required IReadOnlyList<MetricDatum> MetricData { get; init; }
}

/// <summary>The empty JSON object CloudWatch answers to operations without output (e.g. PutMetricData).</summary>
public sealed record EmptyResponse;

/// <summary>Values of <c>ScanBy</c> and <c>StatusCode</c> as CloudWatch spells them.</summary>
public static class CloudWatchValues
{
    public const string TimestampDescending = "TimestampDescending";
    public const string TimestampAscending = "TimestampAscending";
    public const string Complete = "Complete";
    public const string PartialData = "PartialData";
    public const string InternalError = "InternalError";
    public const string Forbidden = "Forbidden";
}
