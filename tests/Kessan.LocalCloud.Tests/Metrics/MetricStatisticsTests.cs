using Kessan.Console.Aws.CloudWatch;
using static Kessan.LocalCloud.Tests.Metrics.MetricEngine;

namespace Kessan.LocalCloud.Tests.Metrics;

public sealed class MetricStatisticsTests
{
    private readonly MetricEngine _engine = new();

    [Theory]
    [InlineData("SampleCount", 3)]
    [InlineData("Sum", 18)]
    [InlineData("Average", 6)]
    [InlineData("Minimum", 3)]
    [InlineData("Maximum", 10)]
    public void Standard_statistics_of_a_minute_cover_every_value_put_in_it(string stat, double expected)
    {
        _engine.Put(Datum.Value("Latency", 3, Minute(0)), Datum.Value("Latency", 5, Minute(0).AddSeconds(20)), Datum.Value("Latency", 10, Minute(0).AddSeconds(59)));

        Assert.Equal([(Minute(0), expected)], _engine.Points(Query.Stat("Latency", stat)));
    }

    [Fact]
    public void Average_of_a_period_is_sum_over_count_not_the_mean_of_minute_averages()
    {
        _engine.Put(Datum.Value("Latency", 1, Minute(0)), Datum.Value("Latency", 2, Minute(0)), Datum.Value("Latency", 6, Minute(1)));

        Assert.Equal([(Minute(0), 3.0)], _engine.Points(Query.Stat("Latency", "Average", period: 120)));
    }

    [Theory]
    [InlineData("p10", 10)]
    [InlineData("p30", 20)]
    [InlineData("p50", 30)]
    [InlineData("p60", 30)]
    [InlineData("p61", 40)]
    [InlineData("p100", 40)]
    [InlineData("p0", 10)]
    public void Percentiles_count_each_value_as_often_as_its_count(string stat, double expected)
    {
        _engine.Put(Datum.Values("Latency", [10, 20, 30, 40], [1, 2, 3, 4], Minute(0)));

        Assert.Equal([(Minute(0), expected)], _engine.Points(Query.Stat("Latency", stat)));
    }

    [Theory]
    [InlineData("p99", 990)]
    [InlineData("p99.9", 999)]
    [InlineData("p99.95", 1000)]
    [InlineData("p50", 500)]
    public void Percentiles_of_a_period_rank_the_values_of_all_its_minutes(string stat, double expected)
    {
        // 1..1000, a hundred values in each of ten minutes, shuffled so no minute holds a range.
        var values = Enumerable.Range(1, 1000).Select(value => (double)value).OrderBy(value => value * 7919 % 1000).ToArray();
        _engine.Put(values.Chunk(100).Select((chunk, minute) => Datum.Values("Latency", chunk, null, Minute(minute))).ToArray());

        Assert.Equal([(Minute(0), expected)], _engine.Points(Query.Stat("Latency", stat, period: 600)));
    }

    [Fact]
    public void Percentiles_over_statistic_sets_are_unavailable()
    {
        _engine.Put(Datum.Set("Latency", new StatisticSet(SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4), Minute(0)));

        Assert.Empty(_engine.Points(Query.Stat("Latency", "p50")));
    }

    [Fact]
    public void Statistic_sets_still_give_the_standard_statistics()
    {
        _engine.Put(Datum.Set("Latency", new StatisticSet(SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4), Minute(0)), Datum.Value("Latency", 5, Minute(0)));

        Assert.Equal([(Minute(0), 3.0)], _engine.Points(Query.Stat("Latency", "Average")));
    }

    [Fact]
    public void A_statistic_set_of_one_repeated_value_keeps_its_percentiles()
    {
        _engine.Put(Datum.Set("Latency", new StatisticSet(SampleCount: 3, Sum: 15, Minimum: 5, Maximum: 5), Minute(0)), Datum.Value("Latency", 9, Minute(0)));

        Assert.Equal([(Minute(0), 5.0)], _engine.Points(Query.Stat("Latency", "p75")));
    }

    [Fact]
    public void A_period_aggregates_every_minute_in_it()
    {
        _engine.Put(Enumerable.Range(0, 10).Select(minute => Datum.Value("Requests", minute, Minute(minute))).ToArray());

        Assert.Equal([(Minute(0), 0.0 + 1 + 2 + 3 + 4), (Minute(5), 5.0 + 6 + 7 + 8 + 9)], _engine.Points(Query.Stat("Requests", "Sum", period: 300)));
    }

    [Fact]
    public void Start_time_rounds_down_to_the_minute()
    {
        _engine.Put(Datum.Value("Requests", 7, Minute(0).AddSeconds(10)));

        Assert.Equal([(Minute(0), 7.0)], _engine.Points(Query.Stat("Requests", "Sum"), from: Minute(0).AddSeconds(30)));
    }

    [Fact]
    public void Periods_start_at_the_start_time_not_at_the_hour()
    {
        _engine.Put(Enumerable.Range(0, 12).Select(minute => Datum.Value("Requests", 1, Minute(minute))).ToArray());

        var points = _engine.Points(Query.Stat("Requests", "Sum", period: 300), from: Minute(2));

        Assert.Equal([(Minute(2), 5.0), (Minute(7), 5.0)], points);
    }

    [Fact]
    public void End_time_is_exclusive()
    {
        _engine.Put(Datum.Value("Requests", 1, Minute(4)), Datum.Value("Requests", 1, Minute(5)));

        Assert.Equal([(Minute(4), 1.0)], _engine.Points(Query.Stat("Requests", "Sum"), to: Minute(5)));
    }

    [Fact]
    public void Periods_without_data_have_no_datapoint()
    {
        _engine.Put(Datum.Value("Requests", 1, Minute(0)), Datum.Value("Requests", 2, Minute(3)));

        Assert.Equal([(Minute(0), 1.0), (Minute(3), 2.0)], _engine.Points(Query.Stat("Requests", "Sum")));
    }

    [Fact]
    public void Newest_datapoints_come_first_unless_ascending_is_asked()
    {
        _engine.Put(Datum.Value("Requests", 1, Minute(0)), Datum.Value("Requests", 2, Minute(1)), Datum.Value("Requests", 3, Minute(2)));

        var result = _engine.Get([Query.Stat("Requests", "Sum")]).MetricDataResults!.Single();

        Assert.Equal([(Minute(2), 3.0), (Minute(1), 2.0), (Minute(0), 1.0)], Pairs(result));
    }

    [Fact]
    public void Dimension_order_does_not_matter()
    {
        _engine.Put(Datum.Value("Requests", 4, Minute(0), new Dimension("Endpoint", "/api/stocks"), new Dimension("Method", "GET")));

        var points = _engine.Points(Query.Stat("Requests", "Sum", dimensions: [new Dimension("Method", "GET"), new Dimension("Endpoint", "/api/stocks")]));

        Assert.Equal([(Minute(0), 4.0)], points);
    }

    [Fact]
    public void A_query_sees_only_the_series_with_exactly_its_dimensions()
    {
        _engine.Put(Datum.Value("Requests", 4, Minute(0), new Dimension("Endpoint", "/api/stocks"), new Dimension("Method", "GET")));

        Assert.Empty(_engine.Points(Query.Stat("Requests", "Sum", dimensions: [new Dimension("Endpoint", "/api/stocks")])));
    }

    [Fact]
    public void A_query_for_another_unit_finds_no_data()
    {
        _engine.Put(Datum.Value("Latency", 4, Minute(0)) with { Unit = "Milliseconds" });
        var query = Query.Stat("Latency", "Sum");

        Assert.Empty(_engine.Points(query with { MetricStat = query.MetricStat! with { Unit = "Seconds" } }));
        Assert.Single(_engine.Points(query with { MetricStat = query.MetricStat! with { Unit = "Milliseconds" } }));
    }
}
