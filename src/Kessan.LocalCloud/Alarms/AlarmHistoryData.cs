using System.Text.Json;
using Kessan.LocalCloud.Sns;

namespace Kessan.LocalCloud.Alarms;

/// <summary>The HistoryData JSON of alarm history items, shaped as CloudWatch writes it.</summary>
public static class AlarmHistoryData
{
    /// <summary>StateUpdate: {"version":"1.0","oldState":{"stateValue","stateReason"[,"stateReasonData"]},"newState":{…}}.</summary>
    public static string StateUpdate(AlarmState old, AlarmState @new) => CloudWatchFormat.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("version", "1.0");
        WriteState(writer, "oldState", old);
        WriteState(writer, "newState", @new);
        writer.WriteEndObject();
    });

    /// <summary>ConfigurationUpdate for a new alarm: {"type":"Create","version":"1.0","createdAlarm":{…}}.</summary>
    public static string Created(StoredAlarm alarm) => CloudWatchFormat.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Create");
        writer.WriteString("version", "1.0");
        WriteAlarm(writer, "createdAlarm", alarm);
        writer.WriteEndObject();
    });

    /// <summary>ConfigurationUpdate for a changed alarm: {"type":"Update","version":"1.0","originalAlarm":{…},"updatedAlarm":{…}}.</summary>
    public static string Updated(StoredAlarm original, StoredAlarm updated) => CloudWatchFormat.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Update");
        writer.WriteString("version", "1.0");
        WriteAlarm(writer, "originalAlarm", original);
        WriteAlarm(writer, "updatedAlarm", updated);
        writer.WriteEndObject();
    });

    /// <summary>Action: whether the notification for the transition at <paramref name="stateUpdatedAt"/> reached
    /// the topic's subscribers. CloudWatch's own item carries the published message; LocalCloud's names the SNS
    /// message and each subscription's delivery instead, which is what a local user needs to see.</summary>
    public static string Action(bool succeeded, DateTimeOffset stateUpdatedAt, string resource, string? messageId,
        IReadOnlyList<SnsDeliveryResult> deliveries, string? error) => CloudWatchFormat.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("actionState", succeeded ? "Succeeded" : "Failed");
        writer.WriteNumber("stateUpdateTimestamp", stateUpdatedAt.ToUnixTimeMilliseconds());
        writer.WriteString("notificationResource", resource);
        if (messageId is not null)
        {
            writer.WriteString("messageId", messageId);
        }

        writer.WriteStartArray("deliveries");
        foreach (var delivery in deliveries)
        {
            writer.WriteStartObject();
            writer.WriteString("subscriptionArn", delivery.SubscriptionArn);
            writer.WriteNumber("attempts", delivery.Attempts);
            if (delivery.StatusCode is { } status)
            {
                writer.WriteNumber("statusCode", status);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (error is not null)
        {
            writer.WriteString("error", error);
        }

        writer.WriteEndObject();
    });

    private static void WriteState(Utf8JsonWriter writer, string name, AlarmState state)
    {
        writer.WriteStartObject(name);
        writer.WriteString("stateValue", state.Value.WireName());
        writer.WriteString("stateReason", state.Reason);
        if (state.ReasonData is not null)
        {
            writer.WritePropertyName("stateReasonData");
            writer.WriteRawValue(state.ReasonData);
        }

        writer.WriteEndObject();
    }

    // The alarm as CloudWatch's Java model serializes it, including its "okactions" spelling.
    private static void WriteAlarm(Utf8JsonWriter writer, string name, StoredAlarm alarm)
    {
        var definition = alarm.Definition;
        writer.WriteStartObject(name);
        writer.WriteString("alarmName", definition.Name);
        writer.WriteString("alarmArn", alarm.Arn);
        if (definition.Description is not null)
        {
            writer.WriteString("alarmDescription", definition.Description);
        }

        writer.WriteString("alarmConfigurationUpdatedTimestamp", CloudWatchFormat.Timestamp(alarm.ConfigurationUpdatedAt));
        writer.WriteBoolean("actionsEnabled", definition.ActionsEnabled);
        CloudWatchFormat.WriteStrings(writer, "okactions", definition.OkActions);
        CloudWatchFormat.WriteStrings(writer, "alarmActions", definition.AlarmActions);
        CloudWatchFormat.WriteStrings(writer, "insufficientDataActions", definition.InsufficientDataActions);
        writer.WriteString("stateValue", alarm.State.Value.WireName());
        writer.WriteString("stateReason", alarm.State.Reason);
        writer.WriteString("stateUpdatedTimestamp", CloudWatchFormat.Timestamp(alarm.State.UpdatedAt));
        writer.WriteString("metricName", definition.Metric.MetricName);
        writer.WriteString("namespace", definition.Metric.Namespace);
        writer.WriteString(definition.ExtendedStatistic is null ? "statistic" : "extendedStatistic", definition.ExtendedStatistic ?? definition.Statistic);
        writer.WriteStartArray("dimensions");
        foreach (var dimension in definition.Metric.Dimensions ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("name", dimension.Name);
            writer.WriteString("value", dimension.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("period", definition.Period);
        if (definition.Unit is not null)
        {
            writer.WriteString("unit", definition.Unit);
        }

        writer.WriteNumber("evaluationPeriods", definition.EvaluationPeriods);
        if (definition.DatapointsToAlarm is { } datapoints)
        {
            writer.WriteNumber("datapointsToAlarm", datapoints);
        }

        CloudWatchFormat.WriteNumber(writer, "threshold", definition.Threshold);
        writer.WriteString("comparisonOperator", definition.Comparison.ToString());
        if (definition.TreatMissingData is { } treatment)
        {
            writer.WriteString("treatMissingData", treatment.WireName());
        }

        if (definition.EvaluateLowSampleCountPercentile is not null)
        {
            writer.WriteString("evaluateLowSampleCountPercentile", definition.EvaluateLowSampleCountPercentile);
        }

        writer.WriteEndObject();
    }
}
