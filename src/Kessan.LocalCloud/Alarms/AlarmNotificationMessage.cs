namespace Kessan.LocalCloud.Alarms;

/// <summary>What CloudWatch publishes to an SNS topic when an alarm changes state: the subject line and the alarm
/// JSON that becomes the notification's Message.</summary>
public static class AlarmNotificationMessage
{
    /// <summary>SNS's limit on a subject.</summary>
    public const int MaxSubjectLength = 100;

    /// <summary>ALARM: "Kessan-local-API-HighResponseTime" in Asia Pacific (Tokyo)</summary>
    public static string Subject(AlarmTransition transition, string region)
    {
        var subject = $"{transition.New.Value.WireName()}: \"{transition.Alarm.Definition.Name}\" in {AwsRegionNames.DisplayName(region)}";
        return subject.Length <= MaxSubjectLength ? subject : subject[..MaxSubjectLength];
    }

    /// <summary>The alarm JSON, members in CloudWatch's order; StateChangeTime is the transition's time, the same
    /// instant as the Timestamp of its StateUpdate history item.</summary>
    public static string Body(AlarmTransition transition, string region, string accountId) => CloudWatchFormat.Json(writer =>
    {
        var alarm = transition.Alarm;
        var definition = alarm.Definition;
        writer.WriteStartObject();
        writer.WriteString("AlarmName", definition.Name);
        writer.WriteString("AlarmDescription", definition.Description);
        writer.WriteString("AWSAccountId", accountId);
        writer.WriteString("AlarmConfigurationUpdatedTimestamp", CloudWatchFormat.Timestamp(alarm.ConfigurationUpdatedAt));
        writer.WriteString("NewStateValue", transition.New.Value.WireName());
        writer.WriteString("NewStateReason", transition.New.Reason);
        writer.WriteString("StateChangeTime", CloudWatchFormat.Timestamp(transition.At));
        writer.WriteString("Region", AwsRegionNames.DisplayName(region));
        writer.WriteString("AlarmArn", alarm.Arn);
        writer.WriteString("OldStateValue", transition.Old.Value.WireName());
        CloudWatchFormat.WriteStrings(writer, "OKActions", definition.OkActions);
        CloudWatchFormat.WriteStrings(writer, "AlarmActions", definition.AlarmActions);
        CloudWatchFormat.WriteStrings(writer, "InsufficientDataActions", definition.InsufficientDataActions);
        writer.WriteStartObject("Trigger");
        writer.WriteString("MetricName", definition.Metric.MetricName);
        writer.WriteString("Namespace", definition.Metric.Namespace);
        if (definition.ExtendedStatistic is { } percentile)
        {
            writer.WriteString("StatisticType", "ExtendedStatistic");
            writer.WriteString("ExtendedStatistic", percentile);
        }
        else
        {
            writer.WriteString("StatisticType", "Statistic");
            writer.WriteString("Statistic", definition.Statistic == "SampleCount" ? "SAMPLE_COUNT" : definition.Statistic!.ToUpperInvariant());
        }

        writer.WriteString("Unit", definition.Unit);
        writer.WriteStartArray("Dimensions");
        foreach (var dimension in definition.Metric.Dimensions ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("value", dimension.Value);
            writer.WriteString("name", dimension.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("Period", definition.Period);
        writer.WriteNumber("EvaluationPeriods", definition.EvaluationPeriods);
        writer.WriteNumber("DatapointsToAlarm", definition.RequiredBreaching);
        writer.WriteString("ComparisonOperator", definition.Comparison.ToString());
        CloudWatchFormat.WriteNumber(writer, "Threshold", definition.Threshold);
        writer.WriteString("TreatMissingData", definition.TreatMissingData?.WireName() ?? "");
        writer.WriteString("EvaluateLowSampleCountPercentile", definition.EvaluateLowSampleCountPercentile ?? "");
        writer.WriteEndObject();
        writer.WriteEndObject();
    });
}
