using System.Buffers.Binary;
using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Metrics;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Alarms;

/// <summary>PutMetricAlarm, DescribeAlarms, DescribeAlarmHistory, SetAlarmState and DeleteAlarms over the
/// <see cref="AlarmStore"/>, added to CloudWatch's operation table.</summary>
internal sealed class AlarmOperations(AlarmStore store, AlarmNotifier notifier)
{
    public const int DefaultAlarmPage = 50;
    public const int DefaultHistoryPage = 100;
    public const int MaxRecords = 100;
    public const int MaxNames = 100;
    public const int MaxStateReasonLength = 1023;
    public const int MaxStateReasonDataLength = 4000;
    private const string AlarmListing = "DescribeAlarms";
    private const string HistoryListing = "DescribeAlarmHistory";
    private static readonly string[] AlarmTypes = ["CompositeAlarm", "LogAlarm", AlarmValues.MetricAlarm];
    private static readonly string[] HistoryItemTypes = [AlarmValues.ConfigurationUpdate, AlarmValues.StateUpdate, AlarmValues.Action];

    public IEnumerable<AwsOperation> Table(JsonSerializerOptions json) =>
    [
        AwsOperation.Create<PutMetricAlarmRequest, EmptyResponse>("PutMetricAlarm", json, Put),
        AwsOperation.Create<DescribeAlarmsRequest, DescribeAlarmsResponse>("DescribeAlarms", json, Describe),
        AwsOperation.Create<DescribeAlarmHistoryRequest, DescribeAlarmHistoryResponse>("DescribeAlarmHistory", json, History),
        AwsOperation.Create<SetAlarmStateRequest, EmptyResponse>("SetAlarmState", json, SetState),
        AwsOperation.Create<DeleteAlarmsRequest, EmptyResponse>("DeleteAlarms", json, Delete),
    ];

    public EmptyResponse Put(PutMetricAlarmRequest request, CancellationToken cancellationToken)
    {
        store.Put(AlarmRequestRules.Definition(request));
        return new EmptyResponse();
    }

    public DescribeAlarmsResponse Describe(DescribeAlarmsRequest request, CancellationToken cancellationToken)
    {
        var names = request.AlarmNames;
        if (names is not null && request.AlarmNamePrefix is not null)
        {
            throw CloudWatchErrors.InvalidParameterCombination("The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.");
        }

        if (names is { Count: > MaxNames })
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection AlarmNames must not have a size greater than {MaxNames}.");
        }

        if (request.AlarmNamePrefix is { } prefix)
        {
            AlarmRequestRules.RequireAlarmName(prefix, "AlarmNamePrefix");
        }

        AlarmStateValue? state = request.StateValue is null ? null : ParseState(request.StateValue, "StateValue");
        var pageSize = PageSize(request.MaxRecords, DefaultAlarmPage);
        string? after = null;
        if (request.NextToken is { } token && !PageToken.TryDecodeText(token, AlarmListing, out after))
        {
            throw CloudWatchErrors.InvalidNextToken("The NextToken was not issued by DescribeAlarms.");
        }

        if (!IncludesMetricAlarms(request.AlarmTypes))
        {
            return new DescribeAlarmsResponse { MetricAlarms = [] };
        }

        var wanted = names is null ? null : new HashSet<string>(names, StringComparer.Ordinal);
        var remaining = store.List()
            .Where(alarm => after is null || string.CompareOrdinal(alarm.Definition.Name, after) > 0)
            .Where(alarm => wanted is null || wanted.Contains(alarm.Definition.Name))
            .Where(alarm => request.AlarmNamePrefix is null || alarm.Definition.Name.StartsWith(request.AlarmNamePrefix, StringComparison.Ordinal))
            .Where(alarm => state is null || alarm.State.Value == state)
            .Where(alarm => request.ActionPrefix is null || HasActionStartingWith(alarm.Definition, request.ActionPrefix))
            .Take(pageSize + 1)
            .ToList();
        var page = remaining.Take(pageSize).ToList();
        return new DescribeAlarmsResponse
        {
            MetricAlarms = [.. page.Select(Describe)],
            NextToken = remaining.Count > pageSize ? PageToken.EncodeText(AlarmListing, page[^1].Definition.Name) : null,
        };
    }

    public DescribeAlarmHistoryResponse History(DescribeAlarmHistoryRequest request, CancellationToken cancellationToken)
    {
        if (request.AlarmName is { } name)
        {
            AlarmRequestRules.RequireAlarmName(name, "AlarmName");
        }

        if (request.HistoryItemType is { } itemType && !HistoryItemTypes.Contains(itemType, StringComparer.Ordinal))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {itemType} for parameter HistoryItemType is not valid: it must be one of {string.Join(", ", HistoryItemTypes)}.");
        }

        if (request.StartDate > request.EndDate)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter StartDate must not be later than the parameter EndDate.");
        }

        var ascending = request.ScanBy switch
        {
            null or CloudWatchValues.TimestampDescending => false,
            CloudWatchValues.TimestampAscending => true,
            _ => throw CloudWatchErrors.InvalidParameterValue(
                $"The value {request.ScanBy} for parameter ScanBy is not valid: it must be {CloudWatchValues.TimestampDescending} or {CloudWatchValues.TimestampAscending}."),
        };
        var pageSize = PageSize(request.MaxRecords, DefaultHistoryPage);
        long? after = null;
        if (request.NextToken is { } token)
        {
            after = PageToken.TryDecode(token, HistoryListing, out var position) && position.Length == sizeof(long)
                ? BinaryPrimitives.ReadInt64BigEndian(position)
                : throw CloudWatchErrors.InvalidNextToken("The NextToken was not issued by DescribeAlarmHistory.");
        }

        if (!IncludesMetricAlarms(request.AlarmTypes))
        {
            return new DescribeAlarmHistoryResponse { AlarmHistoryItems = [] };
        }

        var page = store.History(
            entry => (request.AlarmName is null || entry.AlarmName == request.AlarmName)
                && (request.HistoryItemType is null || entry.ItemType == request.HistoryItemType)
                && (request.StartDate is null || entry.Timestamp >= request.StartDate)
                && (request.EndDate is null || entry.Timestamp <= request.EndDate),
            ascending, after, pageSize);
        return new DescribeAlarmHistoryResponse
        {
            AlarmHistoryItems = [.. page.Entries.Select(entry => new AlarmHistoryItem
            {
                AlarmName = entry.AlarmName,
                AlarmType = AlarmValues.MetricAlarm,
                Timestamp = entry.Timestamp,
                HistoryItemType = entry.ItemType,
                HistorySummary = entry.Summary,
                HistoryData = entry.Data,
            })],
            NextToken = page.Last is { } last ? HistoryToken(last) : null,
        };
    }

    public EmptyResponse SetState(SetAlarmStateRequest request, CancellationToken cancellationToken)
    {
        AlarmRequestRules.RequireAlarmName(request.AlarmName, "AlarmName");
        var state = ParseState(request.StateValue, "StateValue");
        if (request.StateReason.Length > MaxStateReasonLength)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter StateReason must be at most {MaxStateReasonLength} characters long.");
        }

        if (request.StateReasonData is { } data)
        {
            RequireJson(data);
        }

        if (store.Find(request.AlarmName) is null)
        {
            throw CloudWatchErrors.AlarmNotFound(request.AlarmName);
        }

        if (store.Transition(request.AlarmName, state, request.StateReason, request.StateReasonData) is { } transition)
        {
            notifier.Notify(transition);
        }

        return new EmptyResponse();
    }

    /// <summary>Deletes the named alarms that exist; names of alarms that do not are passed over, as CloudWatch
    /// still deletes the others.</summary>
    public EmptyResponse Delete(DeleteAlarmsRequest request, CancellationToken cancellationToken)
    {
        if (request.AlarmNames.Count > MaxNames)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection AlarmNames must not have a size greater than {MaxNames}.");
        }

        for (var i = 0; i < request.AlarmNames.Count; i++)
        {
            AlarmRequestRules.RequireAlarmName(request.AlarmNames[i], $"AlarmNames.member.{i + 1}");
        }

        store.Delete(request.AlarmNames);
        return new EmptyResponse();
    }

    private static MetricAlarm Describe(StoredAlarm alarm)
    {
        var definition = alarm.Definition;
        return new MetricAlarm
        {
            AlarmName = definition.Name,
            AlarmArn = alarm.Arn,
            AlarmDescription = definition.Description,
            AlarmConfigurationUpdatedTimestamp = alarm.ConfigurationUpdatedAt,
            ActionsEnabled = definition.ActionsEnabled,
            OKActions = definition.OkActions,
            AlarmActions = definition.AlarmActions,
            InsufficientDataActions = definition.InsufficientDataActions,
            StateValue = alarm.State.Value.WireName(),
            StateReason = alarm.State.Reason,
            StateReasonData = alarm.State.ReasonData,
            StateUpdatedTimestamp = alarm.State.UpdatedAt,
            StateTransitionedTimestamp = alarm.State.TransitionedAt,
            MetricName = definition.Metric.MetricName,
            Namespace = definition.Metric.Namespace,
            Statistic = definition.Statistic,
            ExtendedStatistic = definition.ExtendedStatistic,
            Dimensions = definition.Metric.Dimensions,
            Period = definition.Period,
            Unit = definition.Unit,
            EvaluationPeriods = definition.EvaluationPeriods,
            DatapointsToAlarm = definition.DatapointsToAlarm,
            Threshold = definition.Threshold,
            ComparisonOperator = definition.Comparison.ToString(),
            TreatMissingData = definition.TreatMissingData?.WireName(),
            EvaluateLowSampleCountPercentile = definition.EvaluateLowSampleCountPercentile,
        };
    }

    private static AlarmStateValue ParseState(string value, string parameter) =>
        AlarmStates.TryParse(value, out var state)
            ? state
            : throw CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {parameter} is not valid: it must be one of {AlarmStates.Accepted}.");

    private static int PageSize(int? maxRecords, int defaultSize) => maxRecords switch
    {
        null => defaultSize,
        < 1 or > MaxRecords => throw CloudWatchErrors.InvalidParameterValue($"The parameter MaxRecords must be from 1 to {MaxRecords}; it is {maxRecords}."),
        _ => maxRecords.Value,
    };

    /// <summary>Without AlarmTypes only metric alarms are described, which are the only kind LocalCloud has.</summary>
    private static bool IncludesMetricAlarms(IReadOnlyList<string>? alarmTypes)
    {
        if (alarmTypes is null)
        {
            return true;
        }

        for (var i = 0; i < alarmTypes.Count; i++)
        {
            if (!AlarmTypes.Contains(alarmTypes[i], StringComparer.Ordinal))
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The value {alarmTypes[i]} for parameter AlarmTypes.member.{i + 1} is not valid: it must be one of {string.Join(", ", AlarmTypes)}.");
            }
        }

        return alarmTypes.Contains(AlarmValues.MetricAlarm, StringComparer.Ordinal);
    }

    private static bool HasActionStartingWith(AlarmDefinition definition, string prefix) =>
        definition.OkActions.Concat(definition.AlarmActions).Concat(definition.InsufficientDataActions)
            .Any(action => action.StartsWith(prefix, StringComparison.Ordinal));

    private static void RequireJson(string data)
    {
        if (data.Length > MaxStateReasonDataLength)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter StateReasonData must be at most {MaxStateReasonDataLength} characters long.");
        }

        try
        {
            using var document = JsonDocument.Parse(data);
        }
        catch (JsonException error)
        {
            throw CloudWatchErrors.InvalidFormat(
                $"The parameter StateReasonData must be JSON; it is not valid at line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}.");
        }
    }

    private static string HistoryToken(long sequence)
    {
        Span<byte> position = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(position, sequence);
        return PageToken.Encode(HistoryListing, position);
    }
}
