using System.Text.Json.Serialization;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws.CloudWatchLogs;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochMillisecondsConverter)])]
[JsonSerializable(typeof(CreateLogGroupRequest))]
[JsonSerializable(typeof(CreateLogStreamRequest))]
[JsonSerializable(typeof(PutLogEventsRequest))]
[JsonSerializable(typeof(PutLogEventsResponse))]
[JsonSerializable(typeof(DescribeLogGroupsRequest))]
[JsonSerializable(typeof(DescribeLogGroupsResponse))]
[JsonSerializable(typeof(FilterLogEventsRequest))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
[JsonSerializable(typeof(StartQueryRequest))]
[JsonSerializable(typeof(StartQueryResponse))]
[JsonSerializable(typeof(GetQueryResultsRequest))]
[JsonSerializable(typeof(GetQueryResultsResponse))]
[JsonSerializable(typeof(StopQueryRequest))]
[JsonSerializable(typeof(StopQueryResponse))]
[JsonSerializable(typeof(GetLogRecordRequest))]
[JsonSerializable(typeof(GetLogRecordResponse))]
[JsonSerializable(typeof(DescribeQueriesRequest))]
[JsonSerializable(typeof(DescribeQueriesResponse))]
[JsonSerializable(typeof(MalformedQueryErrorBody))]
[JsonSerializable(typeof(QueryCompileError))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class CloudWatchLogsJsonContext : JsonSerializerContext;
