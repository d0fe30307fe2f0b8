using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class MetricRowShorthandTests
{
    private const string SixValues = """["N1", "M1", "D1", "V1", "E1", "W1"]""";

    private static readonly string[] Replacements = ["N2", "M2", "D2", "V2", "E2", "W2"];
    private static readonly string[] Originals = ["N1", "M1", "D1", "V1", "E1", "W1"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Dot_takes_the_value_in_the_same_position_of_the_row_above(int position)
    {
        var second = Replacements.Select((value, at) => at == position ? "\".\"" : $"\"{value}\"");
        var expected = Replacements.Select((value, at) => at == position ? Originals[at] : value).ToArray();

        var series = ParseSeries($"[{SixValues}, [{string.Join(", ", second)}]]")[1];

        Assert.Equal(expected, Values(series));
    }

    [Fact]
    public void Ellipsis_repeats_the_row_above_up_to_the_value_written_after_it()
    {
        var series = ParseSeries("""
            [["Kessan/Business", "APIRequests", "Endpoint", "/stocks/search"], ["...", "/watchlist"]]
            """);

        Assert.Equal(Series("Kessan/Business", "APIRequests", ("Endpoint", "/watchlist")), series[1]);
    }

    [Fact]
    public void Ellipsis_fills_the_middle_of_a_row_between_written_values()
    {
        var series = ParseSeries("""
            [["Kessan/Business", "APIRequests", "Endpoint", "/a", "StatusCode", "200"], ["Kessan/Staging", "...", "500"]]
            """);

        Assert.Equal(Series("Kessan/Staging", "APIRequests", ("Endpoint", "/a"), ("StatusCode", "500")), series[1]);
    }

    [Fact]
    public void Ellipsis_alone_before_options_repeats_the_whole_row_with_other_options()
    {
        var series = ParseSeries("""
            [["Kessan/Business", "APIResponseTime", "Endpoint", "/stocks/search"], ["...", { "stat": "p99" }]]
            """);

        Assert.Equal(
            Series("Kessan/Business", "APIResponseTime", ("Endpoint", "/stocks/search")) with { Stat = "p99" },
            series[1]);
    }

    [Fact]
    public void Ellipsis_before_a_value_and_options_keeps_the_options_out_of_the_count()
    {
        var series = ParseSeries("""
            [["Kessan/Business", "APIRequests", "Endpoint", "/stocks/search"], ["...", "/watchlist", { "label": "Watchlist" }]]
            """);

        Assert.Equal(
            Series("Kessan/Business", "APIRequests", ("Endpoint", "/watchlist")) with { Label = "Watchlist" },
            series[1]);
    }

    [Fact]
    public void Ellipsis_repeats_the_row_directly_above_even_when_it_is_shorter_than_earlier_rows()
    {
        var series = ParseSeries("""
            [["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "db-1"], [".", "DatabaseConnections"], ["...", "ReadLatency"]]
            """);

        Assert.Equal(
            [
                Series("AWS/RDS", "CPUUtilization", ("DBInstanceIdentifier", "db-1")),
                Series("AWS/RDS", "DatabaseConnections"),
                Series("AWS/RDS", "ReadLatency"),
            ],
            series);
    }

    [Fact]
    public void Dots_after_an_ellipsis_row_copy_its_expanded_values()
    {
        var series = ParseSeries("""
            [["Kessan/Business", "APIRequests", "Endpoint", "/a"], ["...", "/b"], [".", "APIResponseTime", ".", "."]]
            """);

        Assert.Equal(Series("Kessan/Business", "APIResponseTime", ("Endpoint", "/b")), series[2]);
    }

    [Fact]
    public void Options_are_not_inherited_by_dot_rows()
    {
        var series = ParseSeries("""
            [
              ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "db-1", { "stat": "Maximum", "period": 60, "label": "CPU", "color": "#ff0000", "yAxis": "right", "visible": false, "id": "m1", "region": "us-east-1" }],
              [".", "DatabaseConnections", ".", "."]
            ]
            """);

        Assert.Equal(Series("AWS/RDS", "DatabaseConnections", ("DBInstanceIdentifier", "db-1")), series[1]);
    }

    [Fact]
    public void Options_are_not_inherited_by_ellipsis_rows()
    {
        var series = ParseSeries("""
            [["Kessan/Business", "APIRequests", "Endpoint", "/a", { "stat": "Sum", "label": "A" }], ["...", "/b"]]
            """);

        Assert.Equal(Series("Kessan/Business", "APIRequests", ("Endpoint", "/b")), series[1]);
    }

    [Fact]
    public void Row_options_are_read_into_the_series()
    {
        var series = ParseSeries("""
            [["AWS/RDS", "CPUUtilization", { "stat": "p99", "period": 60, "label": "CPU p99", "color": "#1f77b4", "yAxis": "right", "visible": false, "id": "m1", "region": "us-east-1" }]]
            """);

        Assert.Equal(
            new MetricSeries("AWS/RDS", "CPUUtilization", [], "p99", 60, "CPU p99", "#1f77b4", AxisSide.Right, false, "m1", "us-east-1"),
            Assert.Single(series));
    }

    [Fact]
    public void Stat_period_and_region_come_from_the_row_then_the_widget_then_the_defaults()
    {
        var widget = ParseMetricWidget("""
            {
              "stat": "Sum", "period": 60, "region": "us-west-2",
              "metrics": [["AWS/ECS", "CPUUtilization"], ["AWS/ECS", "CPUUtilization", { "stat": "Maximum", "period": 3600, "region": "eu-west-1" }]]
            }
            """);

        Assert.Equal(
            [("Sum", 60, "us-west-2"), ("Maximum", 3600, "eu-west-1")],
            widget.Series.Select(series => (series.Stat, series.Period, series.Region)));
    }

    [Fact]
    public void Widgets_without_region_read_from_the_region_the_caller_names()
    {
        var dashboard = DashboardBodyParser.Parse(Body(MetricWith("""[["AWS/ECS", "CPUUtilization"]]""")), "us-east-1");

        Assert.Equal("us-east-1", Assert.IsType<MetricWidget>(Assert.Single(dashboard.Widgets)).Series[0].Region);
    }

    [Fact]
    public void Equal_rows_give_equal_series_so_they_can_key_one_query()
    {
        const string Metrics = """[["Kessan/Business", "APIRequests", "Endpoint", "/a"]]""";

        Assert.Equal(ParseSeries(Metrics)[0].GetHashCode(), ParseSeries(Metrics)[0].GetHashCode());
        Assert.True(ParseSeries(Metrics)[0] == ParseSeries(Metrics)[0]);
    }

    private static string[] Values(MetricSeries series) =>
        [series.Namespace, series.MetricName, .. series.Dimensions.SelectMany(dimension => new[] { dimension.Name, dimension.Value })];
}
