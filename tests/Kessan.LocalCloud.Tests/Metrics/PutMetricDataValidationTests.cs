using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Tests.Metrics;

public sealed class PutMetricDataValidationTests
{
    private readonly MetricEngine _engine = new();

    [Fact]
    public void Value_and_StatisticValues_together_are_rejected_naming_the_datum()
    {
        var error = RejectAsThird(Valid() with { StatisticValues = new StatisticSet(1, 1, 1, 1) });

        Assert.Equal(("InvalidParameterCombination",
            "The parameters MetricData.member.3.Value and MetricData.member.3.StatisticValues are mutually exclusive and you have specified both."),
            (error.QueryCode, error.Message));
    }

    [Fact]
    public void A_datum_without_any_value_is_missing_its_Value()
    {
        var error = RejectAsThird(Valid() with { Value = null });

        Assert.Equal(("MissingParameter", "The parameter MetricData.member.3.Value is required."), (error.QueryCode, error.Message));
    }

    [Fact]
    public void Values_and_Counts_must_have_the_same_length()
    {
        var error = RejectAsThird(Valid() with { Value = null, Values = [1, 2, 3], Counts = [1, 1] });

        Assert.Equal("The parameters MetricData.member.3.Values and MetricData.member.3.Counts must be of the same size; they have 3 and 2 members.", error.Message);
    }

    [Fact]
    public void At_most_150_values_fit_in_one_datum()
    {
        var error = RejectAsThird(Valid() with { Value = null, Values = Enumerable.Range(0, 151).Select(value => (double)value).ToArray() });

        Assert.Equal("The collection MetricData.member.3.Values must not have a size greater than 150.", error.Message);
    }

    [Fact]
    public void Values_must_be_finite()
    {
        var error = RejectAsThird(Valid() with { Value = null, Values = [1, double.NaN] });

        Assert.StartsWith("The value NaN for parameter MetricData.member.3.Values.member.2 is not valid", error.Message);
    }

    [Fact]
    public void At_most_30_dimensions_fit_in_one_datum()
    {
        var error = RejectAsThird(Valid() with { Dimensions = Enumerable.Range(0, 31).Select(i => new Dimension($"D{i}", "v")).ToArray() });

        Assert.Equal("The collection MetricData.member.3.Dimensions must not have a size greater than 30.", error.Message);
    }

    [Fact]
    public void Timestamps_more_than_two_weeks_old_are_rejected()
    {
        var error = RejectAsThird(Valid() with { Timestamp = _engine.Clock.GetUtcNow().AddDays(-14).AddMinutes(-1) });

        Assert.Equal("The parameter MetricData.member.3.Timestamp must specify a time no more than two weeks in the past.", error.Message);
    }

    [Fact]
    public void Timestamps_more_than_two_hours_ahead_are_rejected()
    {
        var error = RejectAsThird(Valid() with { Timestamp = _engine.Clock.GetUtcNow().AddHours(2).AddMinutes(1) });

        Assert.Equal("The parameter MetricData.member.3.Timestamp must specify a time no more than two hours in the future.", error.Message);
    }

    [Fact]
    public void Units_must_be_CloudWatch_standard_units()
    {
        var error = RejectAsThird(Valid() with { Unit = "Millis" });

        Assert.StartsWith("The value Millis for parameter MetricData.member.3.Unit is not valid: it must be one of", error.Message);
    }

    [Fact]
    public void At_most_1000_datums_fit_in_one_request()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Put(Enumerable.Repeat(Valid(), 1001).ToArray()));

        Assert.Equal("The collection MetricData must not have a size greater than 1000.", error.Message);
    }

    [Fact]
    public void AWS_namespaces_are_reserved()
    {
        var error = Assert.Throws<AwsServiceException>(() =>
            _engine.PutMetricData.Handle(new PutMetricDataRequest { Namespace = "AWS/ECS", MetricData = [Valid()] }, CancellationToken.None));

        Assert.Equal("InvalidParameterValue", error.QueryCode);
    }

    [Fact]
    public void A_rejected_request_stores_none_of_its_datums()
    {
        Assert.Throws<AwsServiceException>(() => _engine.Put(Valid(), Valid() with { Unit = "Millis" }));

        Assert.Empty(_engine.Points(Query.Stat("Requests", "Sum"), to: _engine.Clock.GetUtcNow().AddMinutes(1)));
    }

    private MetricDatum Valid() => Datum.Value("Requests", 1, _engine.Clock.GetUtcNow());

    private AwsServiceException RejectAsThird(MetricDatum datum) =>
        Assert.Throws<AwsServiceException>(() => _engine.Put(Valid(), Valid(), datum));
}
