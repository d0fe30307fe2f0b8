using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Alarms;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>History items as DescribeAlarmHistory returns them: summaries and HistoryData JSON shaped as CloudWatch's.</summary>
public sealed class AlarmHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 5, 12, 30, 250, TimeSpan.Zero);
    private readonly AlarmRig _rig = new(Now);

    [Fact]
    public void Creating_an_alarm_writes_a_configuration_update_with_the_created_alarm()
    {
        _rig.With(new AlarmBuilder().Notifying("arn:aws:sns:ap-northeast-1:000000000000:alerts"));

        var item = Single(AlarmValues.ConfigurationUpdate);

        Assert.Equal("Alarm \"Latency-High\" created", item.Summary);
        Assert.Equal(
            JsonText.Joined("""
                {"type":"Create","version":"1.0","createdAlarm":{"alarmName":"Latency-High",
                "alarmArn":"arn:aws:cloudwatch:ap-northeast-1:000000000000:alarm:Latency-High",
                "alarmConfigurationUpdatedTimestamp":"2026-11-28T05:12:30.250+0000","actionsEnabled":true,
                "okactions":["arn:aws:sns:ap-northeast-1:000000000000:alerts"],"alarmActions":["arn:aws:sns:ap-northeast-1:000000000000:alerts"],
                "insufficientDataActions":[],"stateValue":"INSUFFICIENT_DATA","stateReason":"Unchecked: Initial alarm creation",
                "stateUpdatedTimestamp":"2026-11-28T05:12:30.250+0000","metricName":"Latency","namespace":"Kessan/Test","statistic":"Average",
                "dimensions":[],"period":300,"evaluationPeriods":3,"threshold":1.0,"comparisonOperator":"GreaterThanThreshold"}}
                """),
            item.Data);
    }

    [Fact]
    public void Updating_an_alarm_keeps_its_state_and_records_both_configurations()
    {
        _rig.With(new AlarmBuilder());
        _rig.Alarms.Transition("Latency-High", AlarmStateValue.Alarm, "Testing", null);

        _rig.With(new AlarmBuilder().Comparing("GreaterThanThreshold", 2));

        var item = _rig.Alarms.History(e => e.ItemType == AlarmValues.ConfigurationUpdate, ascending: false, after: null, max: 1).Entries.Single();
        Assert.Equal(AlarmStateValue.Alarm, _rig.StateOf("Latency-High"));
        Assert.Equal("Alarm \"Latency-High\" updated", item.Summary);
        Assert.StartsWith("""{"type":"Update","version":"1.0","originalAlarm":{"alarmName":"Latency-High",""", item.Data);
        Assert.Contains("""
            "threshold":1.0,"comparisonOperator":"GreaterThanThreshold"},"updatedAlarm":{
            """.Trim(), item.Data);
        Assert.EndsWith("""
            "threshold":2.0,"comparisonOperator":"GreaterThanThreshold"}}
            """.Trim(), item.Data);
    }

    [Fact]
    public void A_state_change_writes_old_and_new_state_with_the_new_reason_data()
    {
        _rig.With(new AlarmBuilder().OutOf(1, 1));
        _rig.Put("Kessan/Test", new MetricDatum { MetricName = "Latency", Value = 5, Timestamp = new DateTimeOffset(2026, 11, 28, 5, 6, 0, TimeSpan.Zero) });

        _rig.Evaluator.EvaluateAll();

        var item = Single(AlarmValues.StateUpdate);
        Assert.Equal("Alarm updated from INSUFFICIENT_DATA to ALARM", item.Summary);
        Assert.Equal(
            JsonText.Joined("""
                {"version":"1.0","oldState":{"stateValue":"INSUFFICIENT_DATA","stateReason":"Unchecked: Initial alarm creation"},
                "newState":{"stateValue":"ALARM",
                "stateReason":"Threshold Crossed: 1 out of the last 1 datapoints [5.0 (28/11/26 05:06:00)] was greater than the threshold (1.0) (minimum 1 datapoint for INSUFFICIENT_DATA -> ALARM transition).",
                "stateReasonData":{"version":"1.0","queryDate":"2026-11-28T05:12:30.250+0000","startDate":"2026-11-28T05:06:00.000+0000",
                "statistic":"Average","period":300,"recentDatapoints":[5.0],"threshold":1.0,"evaluatedDatapoints":
                [{"timestamp":"2026-11-28T05:06:00.000+0000","sampleCount":1.0,"value":5.0}]}}}
                """),
            item.Data);
    }

    [Fact]
    public void A_state_change_is_dated_to_the_millisecond_of_the_change()
    {
        _rig.With(new AlarmBuilder());

        _rig.Alarms.Transition("Latency-High", AlarmStateValue.Alarm, "Testing", null);

        Assert.Equal(Now, Single(AlarmValues.StateUpdate).Timestamp);
        Assert.Equal((Now, Now), (_rig.Alarms.Find("Latency-High")!.State.UpdatedAt, _rig.Alarms.Find("Latency-High")!.State.TransitionedAt));
    }

    [Fact]
    public void An_older_state_keeps_its_reason_data_in_the_next_change()
    {
        _rig.With(new AlarmBuilder());
        _rig.Alarms.Transition("Latency-High", AlarmStateValue.Alarm, "Testing", """{"source":"test"}""");

        _rig.Alarms.Transition("Latency-High", AlarmStateValue.Ok, "Done", null);

        var item = _rig.Alarms.History(e => e.ItemType == AlarmValues.StateUpdate, ascending: false, after: null, max: 1).Entries.Single();
        Assert.Equal(
            JsonText.Joined("""
                {"version":"1.0","oldState":{"stateValue":"ALARM","stateReason":"Testing","stateReasonData":{"source":"test"}},
                "newState":{"stateValue":"OK","stateReason":"Done"}}
                """),
            item.Data);
    }

    [Fact]
    public void History_outlives_the_alarm()
    {
        _rig.With(new AlarmBuilder());

        _rig.Alarms.Delete(["Latency-High"]);

        Assert.Null(_rig.Alarms.Find("Latency-High"));
        Assert.Equal("Alarm \"Latency-High\" created", Single(AlarmValues.ConfigurationUpdate).Summary);
    }

    [Fact]
    public void History_is_kept_for_two_weeks()
    {
        _rig.With(new AlarmBuilder().Named("Old"));
        _rig.Clock.Advance(TimeSpan.FromDays(7));
        _rig.With(new AlarmBuilder().Named("Recent"));

        _rig.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var names = _rig.Alarms.History(_ => true, ascending: true, after: null, max: 10).Entries.Select(e => e.AlarmName);
        Assert.Equal(["Recent"], names);
    }

    private AlarmHistoryEntry Single(string itemType) =>
        _rig.Alarms.History(e => e.ItemType == itemType, ascending: true, after: null, max: 10).Entries.Single();
}
