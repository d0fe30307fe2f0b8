using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Insights;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Protocol;
using Kessan.LocalCloud.Retention;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kessan.LocalCloud.Logs;

/// <summary>Wires CloudWatch Logs (JSON 1.1, target <c>Logs_20140328</c>) into the shared AWS JSON endpoint: the log
/// store, its retention, the Insights query runner and the operations.</summary>
public static class CloudWatchLogsApi
{
    public const string TargetPrefix = "Logs_20140328";

    public static IServiceCollection AddCloudWatchLogsApi(this IServiceCollection services)
    {
        services.AddSingleton<LogStore>();
        services.AddSingleton<ILogSink>(provider => provider.GetRequiredService<LogStore>());
        services.AddRetention<LogStore>();
        services.TryAddSingleton<QueryCheckpoints>();
        services.AddSingleton<InsightsQueries>();
        services.AddSingleton<LogGroupOperations>();
        services.AddSingleton<LogEventOperations>();
        services.AddSingleton<QueryOperations>();
        services.AddAwsJsonService(Describe);
        return services;
    }

    private static AwsJsonService Describe(IServiceProvider services)
    {
        var json = AwsJsonService.SerializerOptions(CloudWatchLogsJsonContext.Default);
        var groups = services.GetRequiredService<LogGroupOperations>();
        var events = services.GetRequiredService<LogEventOperations>();
        var queries = services.GetRequiredService<QueryOperations>();
        return new AwsJsonService
        {
            TargetPrefix = TargetPrefix,
            ContentType = "application/x-amz-json-1.1",
            SigningName = "logs",
            QueryCompatible = false,
            MissingParameter = LogsErrors.MissingParameter,
            InternalFailure = LogsErrors.ServiceUnavailable,
            Operations = AwsOperation.Table(
            [
                AwsOperation.Create<CreateLogGroupRequest, EmptyResponse>("CreateLogGroup", json, groups.CreateLogGroup),
                AwsOperation.Create<CreateLogStreamRequest, EmptyResponse>("CreateLogStream", json, groups.CreateLogStream),
                AwsOperation.Create<DescribeLogGroupsRequest, DescribeLogGroupsResponse>("DescribeLogGroups", json, groups.DescribeLogGroups),
                AwsOperation.Create<PutLogEventsRequest, PutLogEventsResponse>("PutLogEvents", json, events.PutLogEvents),
                AwsOperation.Create<FilterLogEventsRequest, FilterLogEventsResponse>("FilterLogEvents", json, events.FilterLogEvents),
                AwsOperation.Create<StartQueryRequest, StartQueryResponse>("StartQuery", json, queries.StartQuery),
                AwsOperation.Create<GetQueryResultsRequest, GetQueryResultsResponse>("GetQueryResults", json, queries.GetQueryResults),
                AwsOperation.Create<StopQueryRequest, StopQueryResponse>("StopQuery", json, queries.StopQuery),
                AwsOperation.Create<GetLogRecordRequest, GetLogRecordResponse>("GetLogRecord", json, queries.GetLogRecord),
                AwsOperation.Create<DescribeQueriesRequest, DescribeQueriesResponse>("DescribeQueries", json, queries.DescribeQueries),
            ]),
        };
    }
}
