namespace Kessan.Console.Aws.CloudWatch;

// Wire shapes of CloudWatch's metric-alarm operations, as @aws-sdk/client-cloudwatch names them.

public sealed record PutMetricAlarmRequest
{
    public required string AlarmName { get; init; }
    public string? AlarmDescription { get; init; }
    public bool? ActionsEnabled { get; init; }
    public IReadOnlyList<string>? OKActions { get; init; }
    public IReadOnlyList<string>? AlarmActions { get; init; }
    public IReadOnlyList<string>? InsufficientDataActions { get; init; }
    public string? MetricName { get; init; }
    public string? Namespace { get; init; }
    public string? Statistic { get; init; }
    public string? ExtendedStatistic { get; init; }
    public IReadOnlyList<Dimension>? Dimensions { get; init; }
    public int? Period { get; init; }
    public string? Unit { get; init; }
    public int? EvaluationPeriods { get; init; }
    public int? DatapointsToAlarm { get; init; }
    public double? Threshold { get; init; }
    public string? ComparisonOperator { get; init; }
    public string? TreatMissingData { get; init; }
    public string? EvaluateLowSampleCountPercentile { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record Tag(string Key, string Value);

public sealed record MetricAlarm
{
    public string? AlarmName { get; init; }
    public string? AlarmArn { get; init; }
    public string? AlarmDescription { get; init; }
    public DateTimeOffset? AlarmConfigurationUpdatedTimestamp { get; init; }
    public bool? ActionsEnabled { get; init; }
    public IReadOnlyList<string>? OKActions { get; init; }
    public IReadOnlyList<string>? AlarmActions { get; init; }
    public IReadOnlyList<string>? InsufficientDataActions { get; init; }
    public string? StateValue { get; init; }
    public string? StateReason { get; init; }
    public string? StateReasonData { get; init; }
    public DateTimeOffset? StateUpdatedTimestamp { get; init; }
    public DateTimeOffset? StateTransitionedTimestamp { get; init; }
    public string? MetricName { get; init; }
    public string? Namespace { get; init; }
    public string? Statistic { get; init; }
    public string? ExtendedStatistic { get; init; }
    public IReadOnlyList<Dimension>? Dimensions { get; init; }
    public int? Period { get; init; }
    public string? Unit { get; init; }
    public int? EvaluationPeriods { get; init; }
    public int? DatapointsToAlarm { get; init; }
    public double? Threshold { get; init; }
    public string? ComparisonOperator { get; init; }
    public string? TreatMissingData { get; init; }
    public string? EvaluateLowSampleCountPercentile { get; init; }
}

public sealed record DescribeAlarmsRequest
{
    public IReadOnlyList<string>? AlarmNames { get; init; }
    public string? AlarmNamePrefix { get; init; }
    public IReadOnlyList<string>? AlarmTypes { get; init; }
    public string? StateValue { get; init; }
    public string? ActionPrefix { get; init; }
    public int? MaxRecords { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DescribeAlarmsResponse
{
    public IReadOnlyList<MetricAlarm>? MetricAlarms { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DescribeAlarmHistoryRequest
{
    public string? AlarmName { get; init; }
    public IReadOnlyList<string>? AlarmTypes { get; init; }
    public string? HistoryItemType { get; init; }
    public DateTimeOffset? StartDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    public int? MaxRecords { get; init; }
    public string? NextToken { get; init; }
    public string? ScanBy { get; init; }
}

public sealed record AlarmHistoryItem
{
    public string? AlarmName { get; init; }
    public string? AlarmType { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? HistoryItemType { get; init; }
    public string? HistorySummary { get; init; }

    /// <summary>JSON text; for StateUpdate items {"version":"1.0","oldState":{...},"newState":{...}}.</summary>
    public string? HistoryData { get; init; }
}

public sealed record DescribeAlarmHistoryResponse
{
    public IReadOnlyList<AlarmHistoryItem>? AlarmHistoryItems { get; init; }
    public string? NextToken { get; init; }
}

public sealed record SetAlarmStateRequest
{
    public required string AlarmName { get; init; }
    public required string StateValue { get; init; }
    public required string StateReason { get; init; }
    public string? StateReasonData { get; init; }
}

public sealed record DeleteAlarmsRequest(IReadOnlyList<string> AlarmNames);

/// <summary>Values of alarm enums as CloudWatch spells them.</summary>
public static class AlarmValues
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";
    public const string MetricAlarm = "MetricAlarm";
    public const string StateUpdate = "StateUpdate";
    public const string ConfigurationUpdate = "ConfigurationUpdate";
    public const string Action = "Action";
    public const string GreaterThanThreshold = "GreaterThanThreshold";
    public const string GreaterThanOrEqualToThreshold = "GreaterThanOrEqualToThreshold";
    public const string LessThanThreshold = "LessThanThreshold";
    public const string LessThanOrEqualToThreshold = "LessThanOrEqualToThreshold";
    public const string Missing = "missing";
    public const string NotBreaching = "notBreaching";
    public const string Breaching = "breaching";
    public const string Ignore = "ignore";
}
