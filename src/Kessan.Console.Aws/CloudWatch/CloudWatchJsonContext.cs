using System.Text.Json.Serialization;
using Kessan.Console.Aws.Protocol;

namespace Kessan.Console.Aws.CloudWatch;

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetMetricDataRequest))]
[JsonSerializable(typeof(GetMetricDataResponse))]
[JsonSerializable(typeof(ListMetricsRequest))]
[JsonSerializable(typeof(ListMetricsResponse))]
[JsonSerializable(typeof(ListDashboardsRequest))]
[JsonSerializable(typeof(ListDashboardsResponse))]
[JsonSerializable(typeof(GetDashboardRequest))]
[JsonSerializable(typeof(GetDashboardResponse))]
[JsonSerializable(typeof(PutDashboardRequest))]
[JsonSerializable(typeof(PutDashboardResponse))]
[JsonSerializable(typeof(PutMetricDataRequest))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(PutMetricAlarmRequest))]
[JsonSerializable(typeof(DescribeAlarmsRequest))]
[JsonSerializable(typeof(DescribeAlarmsResponse))]
[JsonSerializable(typeof(DescribeAlarmHistoryRequest))]
[JsonSerializable(typeof(DescribeAlarmHistoryResponse))]
[JsonSerializable(typeof(SetAlarmStateRequest))]
[JsonSerializable(typeof(DeleteAlarmsRequest))]
public sealed partial class CloudWatchJsonContext : JsonSerializerContext;
