using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.Conformance;

/// <summary>The C# client, given the input of each golden file, sends what the official AWS SDK for JavaScript
/// sent for it: the SDK is the referee for the wire protocol, since the client and LocalCloud are both ours.</summary>
public sealed class GoldenRequestTests
{
    // The golden inputs name members exactly as the wire does (PascalCase) and write timestamps in ISO 8601.
    // A member our model lacks fails here rather than silently vanishing from the request.
    private static readonly JsonSerializerOptions InputFormat = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    // CloudWatch Logs inputs are in its wire form (camelCase, numeric timestamps): read them as the client's own
    // JSON context reads that form.
    private static readonly JsonSerializerOptions LogsInputFormat = new(CloudWatchLogsJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Dictionary<string, Func<ICloudWatch, JsonObject, Task>> CloudWatchOperations = new()
    {
        ["GetMetricData"] = (client, input) => client.GetMetricDataAsync(Input<GetMetricDataRequest>(input), CancellationToken.None),
        ["ListMetrics"] = (client, input) => client.ListMetricsAsync(Input<ListMetricsRequest>(input), CancellationToken.None),
        ["ListDashboards"] = (client, input) => client.ListDashboardsAsync(Input<ListDashboardsRequest>(input), CancellationToken.None),
        ["GetDashboard"] = (client, input) => client.GetDashboardAsync(Input<GetDashboardRequest>(input), CancellationToken.None),
        ["PutDashboard"] = (client, input) => client.PutDashboardAsync(Input<PutDashboardRequest>(input), CancellationToken.None),
        ["PutMetricData"] = (client, input) => client.PutMetricDataAsync(Input<PutMetricDataRequest>(input), CancellationToken.None),
        ["PutMetricAlarm"] = (client, input) => client.PutMetricAlarmAsync(Input<PutMetricAlarmRequest>(input), CancellationToken.None),
        ["DescribeAlarms"] = (client, input) => client.DescribeAlarmsAsync(Input<DescribeAlarmsRequest>(input), CancellationToken.None),
        ["DescribeAlarmHistory"] = (client, input) => client.DescribeAlarmHistoryAsync(Input<DescribeAlarmHistoryRequest>(input), CancellationToken.None),
        ["SetAlarmState"] = (client, input) => client.SetAlarmStateAsync(Input<SetAlarmStateRequest>(input), CancellationToken.None),
        ["DeleteAlarms"] = (client, input) => client.DeleteAlarmsAsync(Input<DeleteAlarmsRequest>(input), CancellationToken.None),
    };

    private static readonly Dictionary<string, Func<ICloudWatchLogs, JsonObject, Task>> LogsOperations = new()
    {
        ["CreateLogGroup"] = (client, input) => client.CreateLogGroupAsync(LogsInput<CreateLogGroupRequest>(input), CancellationToken.None),
        ["CreateLogStream"] = (client, input) => client.CreateLogStreamAsync(LogsInput<CreateLogStreamRequest>(input), CancellationToken.None),
        ["PutLogEvents"] = (client, input) => client.PutLogEventsAsync(LogsInput<PutLogEventsRequest>(input), CancellationToken.None),
        ["DescribeLogGroups"] = (client, input) => client.DescribeLogGroupsAsync(LogsInput<DescribeLogGroupsRequest>(input), CancellationToken.None),
        ["FilterLogEvents"] = (client, input) => client.FilterLogEventsAsync(LogsInput<FilterLogEventsRequest>(input), CancellationToken.None),
        ["StartQuery"] = (client, input) => client.StartQueryAsync(LogsInput<StartQueryRequest>(input), CancellationToken.None),
        ["GetQueryResults"] = (client, input) => client.GetQueryResultsAsync(LogsInput<GetQueryResultsRequest>(input), CancellationToken.None),
        ["StopQuery"] = (client, input) => client.StopQueryAsync(LogsInput<StopQueryRequest>(input), CancellationToken.None),
        ["GetLogRecord"] = (client, input) => client.GetLogRecordAsync(LogsInput<GetLogRecordRequest>(input), CancellationToken.None),
        ["DescribeQueries"] = (client, input) => client.DescribeQueriesAsync(LogsInput<DescribeQueriesRequest>(input), CancellationToken.None),
    };

    public static TheoryData<string> Goldens => new(GoldenRequest.Names);

    [Fact]
    public void Every_CloudWatch_operation_has_a_golden_request()
    {
        var operations = OperationsOf<ICloudWatch>();
        var covered = GoldenRequest.Names.Select(GoldenRequest.Load).Where(golden => !golden.IsLogs).Select(golden => golden.Operation).ToHashSet();

        Assert.Equal(operations, CloudWatchOperations.Keys.Order(StringComparer.Ordinal));
        Assert.All(operations, operation => Assert.Contains(operation, covered));
    }

    [Fact]
    public void Every_CloudWatch_Logs_operation_has_a_golden_request()
    {
        var operations = OperationsOf<ICloudWatchLogs>();
        var covered = GoldenRequest.Names.Select(GoldenRequest.Load).Where(golden => golden.IsLogs).Select(golden => golden.Operation).ToHashSet();

        Assert.Equal(operations, LogsOperations.Keys.Order(StringComparer.Ordinal));
        Assert.All(operations, operation => Assert.Contains(operation, covered));
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public async Task Method_path_target_and_content_type_are_the_SDKs(string name)
    {
        var (golden, sent) = await SendAsync(name);

        Assert.Equal(
            (golden.Request.Method, golden.Request.Path, golden.Request.Target, golden.Request.ContentType),
            (sent.Method, sent.Path, sent.Header("X-Amz-Target"), sent.Header("Content-Type")));
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public async Task Body_is_the_SDKs_JSON(string name)
    {
        var (golden, sent) = await SendAsync(name);

        JsonAssert.Equivalent(golden.Request.Body, sent.Json);
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public async Task Protocol_headers_are_the_SDKs(string name)
    {
        var (golden, sent) = await SendAsync(name);

        Assert.All(golden.Request.ProtocolHeaders, header => Assert.Equal(header.Value, sent.Header(header.Key)));
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public async Task No_header_is_sent_that_the_SDK_does_not_send(string name)
    {
        var (golden, sent) = await SendAsync(name);

        var known = new HashSet<string>(["Content-Type", "X-Amz-Target", .. golden.Request.ProtocolHeaders.Keys, .. golden.Request.OtherHeaders],
            StringComparer.OrdinalIgnoreCase);
        Assert.All(sent.Headers.Keys, header => Assert.Contains(header, known));
    }

    private static async Task<(GoldenRequest Golden, RecordedRequest Sent)> SendAsync(string name)
    {
        var golden = GoldenRequest.Load(name);
        await using var aws = await CloudWatchHarness.StartAsync();
        await (golden.IsLogs ? LogsOperations[golden.Operation](aws.CloudWatchLogs, golden.Input) : CloudWatchOperations[golden.Operation](aws.CloudWatch, golden.Input));
        return (golden, Assert.Single(aws.Server.Requests));
    }

    private static T Input<T>(JsonObject input) =>
        input.Deserialize<T>(InputFormat) ?? throw new InvalidDataException($"The golden input for {typeof(T).Name} is JSON null.");

    private static T LogsInput<T>(JsonObject input) =>
        input.Deserialize<T>(LogsInputFormat) ?? throw new InvalidDataException($"The golden input for {typeof(T).Name} is JSON null.");

    private static IEnumerable<string> OperationsOf<TClient>() =>
        typeof(TClient).GetMethods().Select(method => method.Name[..^"Async".Length]).Order(StringComparer.Ordinal);
}
