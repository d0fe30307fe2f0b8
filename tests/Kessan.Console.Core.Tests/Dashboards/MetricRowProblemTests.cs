using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class MetricRowProblemTests
{
    [Fact]
    public void Ellipsis_with_more_values_after_it_than_the_row_above_has_is_refused()
    {
        Assert.Equal(
            "metrics[2] has 3 items after \"...\", but the row above has only 2",
            ReasonForMetrics("""[["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "db-1"], [".", "ReadLatency"], ["...", "a", "b", "c"]]"""));
    }

    [Fact]
    public void Ellipsis_later_in_a_row_counts_what_the_row_above_has_from_its_position()
    {
        Assert.Equal(
            "metrics[1] has 3 items after \"...\", but the row above has only 2 from position 2",
            ReasonForMetrics("""[["N", "M", "D", "V"], ["N", "M", "...", "a", "b", "c"]]"""));
    }

    [Fact]
    public void Ellipsis_past_the_end_of_the_row_above_is_refused()
    {
        Assert.Equal(
            "metrics[1][3] is \"...\", but the row above has only 2 items",
            ReasonForMetrics("""[["N", "M"], ["N", "M", "D", "..."]]"""));
    }

    [Fact]
    public void Ellipsis_in_the_first_row_is_refused()
    {
        Assert.Equal(
            "metrics[0][0] is \"...\", but there is no row above to repeat",
            ReasonForMetrics("""[["...", "/watchlist"]]"""));
    }

    [Fact]
    public void Ellipsis_twice_in_a_row_is_refused()
    {
        Assert.Equal(
            "metrics[1] has \"...\" twice (at 0 and 2); a row may use it once",
            ReasonForMetrics("""[["N", "M", "D", "V"], ["...", "x", "..."]]"""));
    }

    [Fact]
    public void Dot_past_the_end_of_the_row_above_is_refused()
    {
        Assert.Equal(
            "metrics[1][2] is \".\", but the row above has only 2 items",
            ReasonForMetrics("""[["AWS/ECS", "CPUUtilization"], [".", "MemoryUtilization", ".", "."]]"""));
    }

    [Fact]
    public void Dot_in_the_first_row_is_refused()
    {
        Assert.Equal(
            "metrics[0][0] is \".\", but there is no row above to copy from",
            ReasonForMetrics("""[[".", "CPUUtilization"]]"""));
    }

    [Theory]
    [InlineData("""[["AWS/EC2", 5]]""", "metrics[0][1] must be a string (the metric name)")]
    [InlineData("""[[true, "CPUUtilization"]]""", "metrics[0][0] must be a string (the namespace)")]
    [InlineData("""[["AWS/EC2", "CPUUtilization", 7, "i-1"]]""", "metrics[0][2] must be a string (a dimension name)")]
    [InlineData("""[["AWS/EC2", "CPUUtilization", "InstanceId", 42]]""", "metrics[0][3] must be a string (a dimension value)")]
    [InlineData("""[["N", "M", "D", "V"], ["...", null]]""", "metrics[1][1] must be a string (a dimension value)")]
    public void A_value_that_is_not_a_string_is_named_by_its_place_and_role(string metrics, string reason)
    {
        Assert.Equal(reason, ReasonForMetrics(metrics));
    }

    [Fact]
    public void A_dimension_name_without_a_value_is_refused()
    {
        Assert.Equal(
            "metrics[0] has the dimension name \"InstanceId\" without a value",
            ReasonForMetrics("""[["AWS/EC2", "CPUUtilization", "InstanceId"]]"""));
    }

    [Fact]
    public void A_row_without_a_metric_name_is_refused()
    {
        Assert.Equal("metrics[0] needs at least a namespace and a metric name", ReasonForMetrics("""[["AWS/EC2", { "stat": "Sum" }]]"""));
    }

    [Fact]
    public void A_row_that_is_not_an_array_is_refused()
    {
        Assert.Equal(
            "metrics[0] must be an array such as [\"AWS/EC2\", \"CPUUtilization\", \"InstanceId\", \"i-0123\"] (got \"AWS/EC2\")",
            ReasonForMetrics("""["AWS/EC2"]"""));
    }

    [Fact]
    public void A_metric_math_row_makes_the_widget_undrawable()
    {
        Assert.Equal(
            "metrics[1] is a metric math expression; metric math is not supported yet",
            ReasonForMetrics("""[["AWS/ECS", "CPUUtilization", { "id": "m1" }], [{ "expression": "m1 * 2", "label": "Double" }]]"""));
    }

    [Fact]
    public void A_bad_row_option_is_named_by_its_place()
    {
        Assert.Equal(
            "metrics[0][2].period must be 1, 5, 10, 30 or a multiple of 60 seconds (got 45)",
            ReasonForMetrics("""[["AWS/ECS", "CPUUtilization", { "period": 45 }]]"""));
    }

    [Fact]
    public void A_row_option_of_the_wrong_type_is_named_by_its_place()
    {
        Assert.Equal(
            "metrics[0][2].yAxis must be one of \"left\", \"right\" (got \"middle\")",
            ReasonForMetrics("""[["AWS/ECS", "CPUUtilization", { "yAxis": "middle" }]]"""));
    }
}
