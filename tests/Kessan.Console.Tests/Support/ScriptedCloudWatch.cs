using System.Collections.Concurrent;
using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;

namespace Kessan.Console.Tests.Support;

/// <summary>A CloudWatch that answers GetMetricData from a formula (value = f(timestamp)), records every call,
/// and can be told to fail. Datapoints exist for every period bucket that starts before "now". Alarms change state
/// when told (<see cref="ChangeAlarmState"/>), which also writes their history as CloudWatch does.</summary>
public sealed class ScriptedCloudWatch(TimeProvider clock) : ICloudWatch
{
    public ConcurrentQueue<GetMetricDataRequest> GetMetricDataCalls { get; } = new();
    public Func<DateTimeOffset, double> Value { get; set; } = t => t.ToUnixTimeSeconds() / 60 % 100;
    public Exception? FailWith { get; set; }
    public Dictionary<string, string> Dashboards { get; } = [];
    public ConcurrentDictionary<string, MetricAlarm> Alarms { get; } = new();
    public ConcurrentQueue<AlarmHistoryItem> AlarmHistory { get; } = new();

    /// <summary>Moves an alarm to <paramref name="state"/> at <paramref name="at"/> and records the StateUpdate
    /// history item, with CloudWatch's HistoryData JSON.</summary>
    public void ChangeAlarmState(string alarmName, string state, DateTimeOffset at, string reason = "Threshold Crossed")
    {
        var old = Alarms.TryGetValue(alarmName, out var alarm) ? alarm.StateValue ?? AlarmValues.InsufficientData : AlarmValues.InsufficientData;
        Alarms[alarmName] = new MetricAlarm
        {
            AlarmName = alarmName,
            AlarmArn = $"arn:aws:cloudwatch:ap-northeast-1:000000000000:alarm:{alarmName}",
            StateValue = state,
            StateReason = reason,
            StateUpdatedTimestamp = at,
            StateTransitionedTimestamp = at,
        };
        AlarmHistory.Enqueue(new AlarmHistoryItem
        {
            AlarmName = alarmName,
            AlarmType = AlarmValues.MetricAlarm,
            Timestamp = at,
            HistoryItemType = AlarmValues.StateUpdate,
            HistorySummary = $"Alarm updated from {old} to {state}",
            HistoryData = JsonSerializer.Serialize(new
            {
                version = "1.0",
                oldState = new { stateValue = old, stateReason = "before" },
                newState = new { stateValue = state, stateReason = reason, stateReasonData = "{\"version\":\"1.0\"}" },
            }),
        });
    }

    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken)
    {
        GetMetricDataCalls.Enqueue(request);
        if (FailWith is not null)
        {
            return Task.FromException<GetMetricDataResponse>(FailWith);
        }
        var now = clock.GetUtcNow();
        var results = request.MetricDataQueries.Select(query =>
        {
            var period = TimeSpan.FromSeconds(query.MetricStat!.Period);
            var timestamps = new List<DateTimeOffset>();
            for (var t = request.StartTime; t < request.EndTime && t < now; t += period)
            {
                timestamps.Add(t);
            }
            return new MetricDataResult
            {
                Id = query.Id,
                Label = query.MetricStat.Metric.MetricName,
                StatusCode = CloudWatchValues.Complete,
                Timestamps = timestamps,
                Values = timestamps.Select(Value).ToArray(),
            };
        }).ToArray();
        return Task.FromResult(new GetMetricDataResponse { MetricDataResults = results });
    }

    public Task<ListMetricsResponse> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ListMetricsResponse { Metrics = [] });

    public Task<ListDashboardsResponse> ListDashboardsAsync(ListDashboardsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ListDashboardsResponse
        {
            DashboardEntries = Dashboards.Keys.Select(name => new DashboardEntry { DashboardName = name }).ToArray(),
        });

    public Task<GetDashboardResponse> GetDashboardAsync(GetDashboardRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetDashboardResponse { DashboardName = request.DashboardName, DashboardBody = Dashboards[request.DashboardName] });

    public Task<PutDashboardResponse> PutDashboardAsync(PutDashboardRequest request, CancellationToken cancellationToken)
    {
        Dashboards[request.DashboardName] = request.DashboardBody;
        return Task.FromResult(new PutDashboardResponse());
    }

    public Task PutMetricDataAsync(PutMetricDataRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken) => throw NotScripted();

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken) =>
        FailWith is not null
            ? Task.FromException<DescribeAlarmsResponse>(FailWith)
            : Task.FromResult(new DescribeAlarmsResponse { MetricAlarms = Alarms.Values.OrderBy(a => a.AlarmName).ToArray() });

    public Task<DescribeAlarmHistoryResponse> DescribeAlarmHistoryAsync(DescribeAlarmHistoryRequest request, CancellationToken cancellationToken) =>
        FailWith is not null
            ? Task.FromException<DescribeAlarmHistoryResponse>(FailWith)
            : Task.FromResult(new DescribeAlarmHistoryResponse
        {
            AlarmHistoryItems = AlarmHistory
                .Where(i => (request.StartDate is null || i.Timestamp >= request.StartDate) && (request.EndDate is null || i.Timestamp <= request.EndDate))
                .Where(i => request.HistoryItemType is null || i.HistoryItemType == request.HistoryItemType)
                .OrderBy(i => i.Timestamp)
                .ToArray(),
        });

    public Task SetAlarmStateAsync(SetAlarmStateRequest request, CancellationToken cancellationToken) => throw NotScripted();

    public Task DeleteAlarmsAsync(DeleteAlarmsRequest request, CancellationToken cancellationToken) => throw NotScripted();

    private static NotSupportedException NotScripted() => new("Alarm operations are not part of this script.");
}
