using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;
using static Kessan.LocalCloud.Tests.Metrics.MetricEngine;

namespace Kessan.LocalCloud.Tests.Metrics;

public sealed class GetMetricDataQueryTests
{
    private readonly MetricEngine _engine = new();

    [Fact]
    public void Label_defaults_to_the_metric_name()
    {
        var result = _engine.Get([Query.Stat("Latency", "Average")]).MetricDataResults!.Single();

        Assert.Equal("Latency", result.Label);
    }

    [Fact]
    public void A_given_label_is_kept()
    {
        var result = _engine.Get([Query.Stat("Latency", "Average") with { Label = "API latency" }]).MetricDataResults!.Single();

        Assert.Equal("API latency", result.Label);
    }

    [Fact]
    public void Queries_with_ReturnData_false_are_not_returned()
    {
        var response = _engine.Get([Query.Stat("Latency", "Average", id: "shown"), Query.Stat("Latency", "Sum", id: "hidden") with { ReturnData = false }]);

        Assert.Equal(["shown"], response.MetricDataResults!.Select(result => result.Id));
    }

    [Fact]
    public void A_complete_result_says_so()
    {
        _engine.Put(Datum.Value("Latency", 1, Minute(0)));

        Assert.Equal(CloudWatchValues.Complete, _engine.Get([Query.Stat("Latency", "Sum")]).MetricDataResults!.Single().StatusCode);
    }

    [Fact]
    public void Metric_math_is_answered_with_a_message_while_the_other_queries_still_answer()
    {
        _engine.Put(Datum.Value("Latency", 1, Minute(0)));

        var results = _engine.Get([Query.Stat("Latency", "Sum", id: "m1"), new MetricDataQuery { Id = "e1", Expression = "m1 * 2" }]).MetricDataResults!;

        Assert.Equal([1.0], results[0].Values!);
        var message = Assert.Single(results[1].Messages!);
        Assert.Contains("does not evaluate metric math", message.Value);
    }

    [Theory]
    [InlineData("1abc", "MetricDataQueries.member.1.Id")]
    [InlineData("Abc", "MetricDataQueries.member.1.Id")]
    [InlineData("a-b", "MetricDataQueries.member.1.Id")]
    public void Ids_must_start_with_a_lowercase_letter_and_hold_only_letters_digits_and_underscores(string id, string parameter)
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Latency", "Sum", id: id)]));

        Assert.Equal("InvalidParameterValue", error.QueryCode);
        Assert.Contains(parameter, error.Message);
    }

    [Fact]
    public void Ids_must_be_unique()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Latency", "Sum", id: "a"), Query.Stat("Latency", "Average", id: "a")]));

        Assert.Equal("The value a for parameter MetricDataQueries.member.2.Id is not unique: MetricDataQueries.member.1.Id has it too.", error.Message);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(0)]
    [InlineData(-60)]
    public void Periods_must_be_multiples_of_a_minute(int period)
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Latency", "Sum", period: period)]));

        Assert.Equal($"The parameter MetricDataQueries.member.1.MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60; it is {period}.", error.Message);
    }

    [Fact]
    public void High_resolution_periods_are_refused_with_the_reason()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Latency", "Sum", period: 10)]));

        Assert.Contains("one-minute resolution", error.Message);
    }

    [Theory]
    [InlineData("Avg")]
    [InlineData("p101")]
    [InlineData("p99.")]
    [InlineData("tm99")]
    public void Unknown_statistics_are_rejected_naming_the_query(string stat)
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Latency", "Sum"), Query.Stat("Latency", stat, id: "b")]));

        Assert.StartsWith($"The value {stat} for parameter MetricDataQueries.member.2.MetricStat.Stat is not valid", error.Message);
    }

    [Fact]
    public void More_than_500_queries_are_rejected()
    {
        var queries = Enumerable.Range(0, 501).Select(i => Query.Stat("Latency", "Sum", id: $"q{i}")).ToArray();

        var error = Assert.Throws<AwsServiceException>(() => _engine.Get(queries));

        Assert.Equal("The collection MetricDataQueries must not have a size greater than 500.", error.Message);
    }

    [Fact]
    public void Start_time_must_come_before_end_time()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Latency", "Sum")], from: Minute(10), to: Minute(10)));

        Assert.Equal("InvalidParameterValue", error.QueryCode);
    }
}
