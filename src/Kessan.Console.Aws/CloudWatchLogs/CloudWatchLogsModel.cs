using System.Text.Json.Serialization;
using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws.CloudWatchLogs;

// Wire shapes of the CloudWatch Logs operations we use (AWS JSON 1.1, camelCase members, timestamps as epoch
// milliseconds except StartQuery's range in epoch seconds). Names and members follow @aws-sdk/client-cloudwatch-logs;
// absent members are null and not sent.

public sealed record CreateLogGroupRequest
{
    public required string LogGroupName { get; init; }
    public string? KmsKeyId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public string? LogGroupClass { get; init; }
    public bool? DeletionProtectionEnabled { get; init; }
}

public sealed record CreateLogStreamRequest(string LogGroupName, string LogStreamName);

public sealed record InputLogEvent(DateTimeOffset Timestamp, string Message);

/// <summary>Identifies the resource that sent the events (an ECS task, a service), for the console's entity view.</summary>
public sealed record Entity
{
    public IReadOnlyDictionary<string, string>? KeyAttributes { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

public sealed record PutLogEventsRequest
{
    public required string LogGroupName { get; init; }
    public required string LogStreamName { get; init; }
    public required IReadOnlyList<InputLogEvent> LogEvents { get; init; }

    /// <summary>Ignored by the service since 2023; kept so callers written for older APIs still serialize.</summary>
    public string? SequenceToken { get; init; }

    public Entity? Entity { get; init; }
}

/// <summary>Which events of a PutLogEvents batch were dropped: too new from <see cref="TooNewLogEventStartIndex"/>
/// on (inclusive), too old or expired before the end indexes (exclusive).</summary>
public sealed record RejectedLogEventsInfo
{
    public int? TooNewLogEventStartIndex { get; init; }
    public int? TooOldLogEventEndIndex { get; init; }
    public int? ExpiredLogEventEndIndex { get; init; }
}

public sealed record RejectedEntityInfo(string? ErrorType = null);

public sealed record PutLogEventsResponse
{
    public string? NextSequenceToken { get; init; }
    public RejectedLogEventsInfo? RejectedLogEventsInfo { get; init; }
    public RejectedEntityInfo? RejectedEntityInfo { get; init; }
}

public sealed record DescribeLogGroupsRequest
{
    public IReadOnlyList<string>? AccountIdentifiers { get; init; }
    public string? LogGroupNamePrefix { get; init; }
    public string? LogGroupNamePattern { get; init; }
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
    public bool? IncludeLinkedAccounts { get; init; }
    public string? LogGroupClass { get; init; }
    public IReadOnlyList<string>? LogGroupIdentifiers { get; init; }
}

public sealed record LogGroup
{
    public string? LogGroupName { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public int? RetentionInDays { get; init; }
    public int? MetricFilterCount { get; init; }

    /// <summary>The ARN with <c>:*</c> at the end, as older APIs want it; <see cref="LogGroupArn"/> is without.</summary>
    public string? Arn { get; init; }

    public long? StoredBytes { get; init; }
    public string? KmsKeyId { get; init; }
    public string? LogGroupClass { get; init; }
    public string? LogGroupArn { get; init; }
    public bool? DeletionProtectionEnabled { get; init; }
}

public sealed record DescribeLogGroupsResponse
{
    public IReadOnlyList<LogGroup>? LogGroups { get; init; }
    public string? NextToken { get; init; }
}

public sealed record FilterLogEventsRequest
{
    public string? LogGroupName { get; init; }

    /// <summary>A log group name or ARN; give this or <see cref="LogGroupName"/>, not both.</summary>
    public string? LogGroupIdentifier { get; init; }

    public IReadOnlyList<string>? LogStreamNames { get; init; }
    public string? LogStreamNamePrefix { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Terms (<c>ERROR ?WARN -health</c>) or a JSON pattern (<c>{ $.level = "error" }</c>); empty matches every event.</summary>
    public string? FilterPattern { get; init; }

    public string? NextToken { get; init; }
    public int? Limit { get; init; }
    public bool? StartFromHead { get; init; }
    public bool? Interleaved { get; init; }
    public bool? Unmask { get; init; }
}

public sealed record FilteredLogEvent
{
    public string? LogStreamName { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset? IngestionTime { get; init; }
    public string? EventId { get; init; }
}

public sealed record SearchedLogStream(string? LogStreamName = null, bool? SearchedCompletely = null);

public sealed record FilterLogEventsResponse
{
    public IReadOnlyList<FilteredLogEvent>? Events { get; init; }
    public IReadOnlyList<SearchedLogStream>? SearchedLogStreams { get; init; }
    public string? NextToken { get; init; }
}

public sealed record StartQueryRequest
{
    public string? QueryLanguage { get; init; }

    /// <summary>One log group; or use <see cref="LogGroupNames"/> or <see cref="LogGroupIdentifiers"/> (exactly one of the three).</summary>
    public string? LogGroupName { get; init; }

    public IReadOnlyList<string>? LogGroupNames { get; init; }

    /// <summary>Names or ARNs.</summary>
    public IReadOnlyList<string>? LogGroupIdentifiers { get; init; }

    /// <summary>Inclusive, sent in whole epoch seconds.</summary>
    [JsonConverter(typeof(WholeEpochSecondsConverter))]
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Inclusive, sent in whole epoch seconds.</summary>
    [JsonConverter(typeof(WholeEpochSecondsConverter))]
    public required DateTimeOffset EndTime { get; init; }

    public required string QueryString { get; init; }

    /// <summary>Rows returned when the query has no <c>limit</c> command (1,000 when absent; at most 10,000).</summary>
    public int? Limit { get; init; }
}

public sealed record StartQueryResponse(string? QueryId = null);

public sealed record GetQueryResultsRequest
{
    public required string QueryId { get; init; }
    public string? NextToken { get; init; }
    public int? MaxItems { get; init; }
}

public sealed record ResultField(string? Field = null, string? Value = null);

public sealed record QueryStatistics
{
    public double? RecordsMatched { get; init; }
    public double? RecordsScanned { get; init; }
    public double? EstimatedRecordsSkipped { get; init; }
    public double? BytesScanned { get; init; }
    public double? EstimatedBytesSkipped { get; init; }
    public double? LogGroupsScanned { get; init; }
    public double? ResultCount { get; init; }
}

public sealed record GetQueryResultsResponse
{
    public string? QueryLanguage { get; init; }

    /// <summary>One list of field/value pairs per row; rows of non-aggregating queries carry <c>@ptr</c> for GetLogRecord.</summary>
    public IReadOnlyList<IReadOnlyList<ResultField>>? Results { get; init; }

    public QueryStatistics? Statistics { get; init; }

    /// <summary>One of <see cref="QueryStatus"/>.</summary>
    public string? Status { get; init; }

    public string? EncryptionKey { get; init; }
    public string? NextToken { get; init; }
}

public sealed record StopQueryRequest(string QueryId);

public sealed record StopQueryResponse(bool? Success = null);

public sealed record GetLogRecordRequest
{
    /// <summary>The <c>@ptr</c> value of a query result row.</summary>
    public required string LogRecordPointer { get; init; }

    public bool? Unmask { get; init; }
}

public sealed record GetLogRecordResponse
{
    /// <summary>Every field of the event: <c>@timestamp</c> and <c>@ingestionTime</c> in epoch milliseconds,
    /// <c>@message</c>, <c>@logStream</c>, <c>@log</c>, and the fields discovered in it.</summary>
    public IReadOnlyDictionary<string, string>? LogRecord { get; init; }
}

public sealed record DescribeQueriesRequest
{
    public string? LogGroupName { get; init; }
    public string? Status { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
    public string? QueryLanguage { get; init; }
}

public sealed record QueryInfo
{
    public string? QueryLanguage { get; init; }
    public string? QueryId { get; init; }
    public string? QueryString { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public string? LogGroupName { get; init; }

    /// <summary>Milliseconds the query ran (so far, while it runs).</summary>
    public long? QueryDuration { get; init; }

    public double? BytesScanned { get; init; }
    public string? UserIdentity { get; init; }
}

public sealed record DescribeQueriesResponse
{
    public IReadOnlyList<QueryInfo>? Queries { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>The members of MalformedQueryException's body besides <c>__type</c>.</summary>
public sealed record MalformedQueryErrorBody(string? Message = null, QueryCompileError? QueryCompileError = null);

/// <summary>Where a malformed query went wrong, as MalformedQueryException's <c>queryCompileError</c> carries it.</summary>
public sealed record QueryCompileError(QueryCompileErrorLocation? Location = null, string? Message = null);

/// <param name="StartCharOffset">Zero-based offset in the query string where the problem starts.</param>
/// <param name="EndCharOffset">Zero-based offset where it ends (inclusive).</param>
public sealed record QueryCompileErrorLocation(int? StartCharOffset = null, int? EndCharOffset = null);

/// <summary>The values of GetQueryResults' and DescribeQueries' <c>status</c>.</summary>
public static class QueryStatus
{
    public const string Scheduled = "Scheduled";
    public const string Running = "Running";
    public const string Complete = "Complete";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";
    public const string Timeout = "Timeout";
    public const string Unknown = "Unknown";

    /// <summary>Whether a query in this status has stopped changing: its results are final.</summary>
    public static bool IsFinished(string? status) => status is Complete or Failed or Cancelled or Timeout or Unknown;
}

/// <summary>Query languages of StartQuery; the console speaks Logs Insights QL.</summary>
public static class QueryLanguage
{
    public const string LogsInsights = "CWLI";
}
