using Kessan.LocalCloud.Alarms;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>The evaluation rules, case by case; the missing-data cases are the tables of CloudWatch's user guide
/// ("How alarm state is evaluated when data is missing"), whose evaluation range is 5 periods for 3 evaluation periods.</summary>
public sealed class AlarmEvaluationTests
{
    [Theory]
    [InlineData("GreaterThanThreshold", 10, "OK")]
    [InlineData("GreaterThanThreshold", 10.5, "ALARM")]
    [InlineData("GreaterThanOrEqualToThreshold", 10, "ALARM")]
    [InlineData("GreaterThanOrEqualToThreshold", 9.5, "OK")]
    [InlineData("LessThanThreshold", 10, "OK")]
    [InlineData("LessThanThreshold", 9.5, "ALARM")]
    [InlineData("LessThanOrEqualToThreshold", 10, "ALARM")]
    [InlineData("LessThanOrEqualToThreshold", 10.5, "OK")]
    public void A_datapoint_breaches_as_its_comparison_operator_says(string comparison, double value, string expected)
    {
        var alarm = new AlarmBuilder().Comparing(comparison, 10).OutOf(1, 1).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Values(value), AlarmStateValue.InsufficientData);

        Assert.Equal(expected, decision!.State.WireName());
    }

    [Theory]
    [InlineData("0 X X", 2, 3, "ALARM")]
    [InlineData("X 0 X", 2, 3, "ALARM")]
    [InlineData("X 0 0", 2, 3, "OK")]
    [InlineData("X X 0", 3, 3, "OK")]
    [InlineData("X X X", 3, 3, "ALARM")]
    [InlineData("X 0 0 0 X", 1, 1, "ALARM")]
    [InlineData("X X X X 0", 1, 1, "OK")]
    [InlineData("X X 0 0 0", 2, 4, "OK")]
    [InlineData("X X X 0 0", 2, 4, "ALARM")]
    public void M_out_of_N_alarms_when_M_of_the_newest_N_datapoints_breach(string datapoints, int m, int n, string expected)
    {
        var alarm = new AlarmBuilder().OutOf(m, n).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Range(datapoints), AlarmStateValue.Ok);

        Assert.Equal(expected, decision!.State.WireName());
    }

    public static TheoryData<string, int, string, string> UserGuideTables() => new()
    {
        // Datapoints to alarm 3, evaluation periods 3.
        { "0 - X - X", 3, "missing", "OK" }, { "0 - X - X", 3, "ignore", "OK" }, { "0 - X - X", 3, "breaching", "OK" }, { "0 - X - X", 3, "notBreaching", "OK" },
        { "0 - - - -", 3, "missing", "OK" }, { "0 - - - -", 3, "ignore", "OK" }, { "0 - - - -", 3, "breaching", "OK" }, { "0 - - - -", 3, "notBreaching", "OK" },
        { "- - - - -", 3, "missing", "INSUFFICIENT_DATA" }, { "- - - - -", 3, "ignore", "kept" }, { "- - - - -", 3, "breaching", "ALARM" }, { "- - - - -", 3, "notBreaching", "OK" },
        { "0 X X - X", 3, "missing", "ALARM" }, { "0 X X - X", 3, "ignore", "ALARM" }, { "0 X X - X", 3, "breaching", "ALARM" }, { "0 X X - X", 3, "notBreaching", "ALARM" },
        { "- - - - X", 3, "missing", "INSUFFICIENT_DATA" }, { "- - - - X", 3, "ignore", "kept" }, { "- - - - X", 3, "breaching", "ALARM" }, { "- - - - X", 3, "notBreaching", "OK" },
        { "X - - - -", 3, "missing", "ALARM" }, { "X - - - -", 3, "ignore", "kept" }, { "X - - - -", 3, "breaching", "ALARM" }, { "X - - - -", 3, "notBreaching", "OK" },

        // Datapoints to alarm 2, evaluation periods 3.
        { "0 - X - X", 2, "missing", "ALARM" }, { "0 - X - X", 2, "ignore", "ALARM" }, { "0 - X - X", 2, "breaching", "ALARM" }, { "0 - X - X", 2, "notBreaching", "ALARM" },
        { "0 0 X 0 X", 2, "missing", "ALARM" }, { "0 0 X 0 X", 2, "ignore", "ALARM" }, { "0 0 X 0 X", 2, "breaching", "ALARM" }, { "0 0 X 0 X", 2, "notBreaching", "ALARM" },
        { "0 - X - -", 2, "missing", "OK" }, { "0 - X - -", 2, "ignore", "OK" }, { "0 - X - -", 2, "breaching", "ALARM" }, { "0 - X - -", 2, "notBreaching", "OK" },
        { "- - - - 0", 2, "missing", "OK" }, { "- - - - 0", 2, "ignore", "OK" }, { "- - - - 0", 2, "breaching", "ALARM" }, { "- - - - 0", 2, "notBreaching", "OK" },
        { "- - - - X", 2, "missing", "INSUFFICIENT_DATA" }, { "- - - - X", 2, "ignore", "kept" }, { "- - - - X", 2, "breaching", "ALARM" }, { "- - - - X", 2, "notBreaching", "OK" },
    };

    [Theory]
    [MemberData(nameof(UserGuideTables))]
    public void Missing_data_is_treated_as_the_user_guide_tables_show(string datapoints, int datapointsToAlarm, string treatMissingData, string expected)
    {
        var alarm = new AlarmBuilder().OutOf(datapointsToAlarm, 3).TreatingMissingDataAs(treatMissingData).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Range(datapoints), AlarmStateValue.Ok);

        Assert.Equal(expected, decision?.State.WireName() ?? "kept");
    }

    [Fact]
    public void Without_TreatMissingData_missing_data_is_treated_as_missing()
    {
        var alarm = new AlarmBuilder().Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Range("- - - - -"), AlarmStateValue.Ok);

        Assert.Equal(AlarmStateValue.InsufficientData, decision!.State);
    }

    [Fact]
    public void An_alarm_reason_lists_the_breaching_datapoints_newest_first()
    {
        var alarm = new AlarmBuilder().Comparing("GreaterThanThreshold", 1000).OutOf(2, 2).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Values(null, null, 1500, 1234.5), AlarmStateValue.Ok);

        Assert.Equal(
            "Threshold Crossed: 2 out of the last 2 datapoints [1234.5 (28/11/26 05:15:00), 1500.0 (28/11/26 05:10:00)] were greater than " +
            "the threshold (1000.0) (minimum 2 datapoints for OK -> ALARM transition).",
            decision!.Reason);
    }

    [Fact]
    public void An_ok_reason_lists_the_datapoints_that_do_not_breach()
    {
        var alarm = new AlarmBuilder().Comparing("GreaterThanThreshold", 1000).OutOf(2, 2).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Values(null, null, 1500, 900), AlarmStateValue.Alarm);

        Assert.Equal(
            "Threshold Crossed: 1 out of the last 2 datapoints [900.0 (28/11/26 05:15:00)] was not greater than " +
            "the threshold (1000.0) (minimum 1 datapoint for ALARM -> OK transition).",
            decision!.Reason);
    }

    [Fact]
    public void State_reason_data_holds_the_evaluated_datapoints()
    {
        var alarm = new AlarmBuilder().Comparing("GreaterThanThreshold", 1000).OutOf(2, 2).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Values(null, null, 1500, 1234.5), AlarmStateValue.Ok);

        Assert.Equal(
            JsonText.Joined("""
                {"version":"1.0","queryDate":"2026-11-28T05:21:30.000+0000","startDate":"2026-11-28T05:10:00.000+0000",
                "statistic":"Average","period":300,"recentDatapoints":[1500.0,1234.5],"threshold":1000.0,"evaluatedDatapoints":[
                {"timestamp":"2026-11-28T05:15:00.000+0000","sampleCount":10.0,"value":1234.5},
                {"timestamp":"2026-11-28T05:10:00.000+0000","sampleCount":10.0,"value":1500.0}]}
                """),
            decision!.ReasonData);
    }

    [Fact]
    public void Insufficient_data_says_how_many_datapoints_were_unknown()
    {
        var alarm = new AlarmBuilder().Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Range("- - - - X"), AlarmStateValue.Ok);

        Assert.Equal("Insufficient Data: 2 datapoints were unknown.", decision!.Reason);
    }

    [Fact]
    public void Missing_datapoints_treated_as_breaching_are_named_in_the_reason()
    {
        var alarm = new AlarmBuilder().TreatingMissingDataAs("breaching").Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Range("- - - - -"), AlarmStateValue.Ok);

        Assert.Equal("Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].", decision!.Reason);
    }

    [Fact]
    public void A_missing_datapoint_is_dated_in_the_reason_data_without_a_value()
    {
        var alarm = new AlarmBuilder().OutOf(1, 1).Build();

        var decision = AlarmEvaluation.Evaluate(alarm, Datapoints.Range("-"), AlarmStateValue.Ok);

        Assert.Contains("""
            "evaluatedDatapoints":[{"timestamp":"2026-11-28T05:00:00.000+0000"}]
            """.Trim(), decision!.ReasonData);
    }

    [Theory]
    [InlineData("p90", 100)]
    [InlineData("p99", 1000)]
    [InlineData("p10", 100)]
    [InlineData("p50", 20)]
    public void A_percentile_needs_ten_samples_beyond_its_tail(string percentile, double samples)
    {
        var alarm = new AlarmBuilder().WithPercentile(percentile).Build();

        Assert.Equal(samples, AlarmEvaluation.MinimumSamples(alarm), 9);
    }
}
