using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class WidgetProblemTests
{
    [Fact]
    public void A_metric_widget_without_metrics_says_so()
    {
        Assert.Equal("properties.metrics is missing", ReasonFor(Metric("""{ "title": "CPU" }""")));
    }

    [Fact]
    public void A_metric_widget_with_no_rows_says_so()
    {
        Assert.Equal("properties.metrics is empty", ReasonFor(MetricWith("[]")));
    }

    [Fact]
    public void Metrics_that_are_not_an_array_are_refused()
    {
        Assert.Equal("properties.metrics must be an array (got \"CPUUtilization\")", ReasonFor(MetricWith("\"CPUUtilization\"")));
    }

    [Theory]
    [InlineData("log")]
    [InlineData("alarm")]
    [InlineData("explorer")]
    [InlineData("custom")]
    public void Widget_types_the_console_does_not_draw_yet_say_so(string type)
    {
        var widget = Assert.IsType<UndrawableWidget>(ParseOnlyWidget($$"""{ "type": "{{type}}", "properties": { "title": "Errors" } }"""));

        Assert.Equal((type, "Errors", $"{type} widgets are not supported yet"), (widget.Type, widget.Title, widget.Reason));
    }

    [Fact]
    public void An_unknown_widget_type_is_named()
    {
        Assert.Equal(
            "type \"graph\" is not a CloudWatch widget type (metric, text, log, alarm, explorer, custom)",
            ReasonFor("""{ "type": "graph", "properties": {} }"""));
    }

    [Fact]
    public void A_widget_without_a_type_says_so()
    {
        Assert.Equal("type is missing", ReasonFor("""{ "properties": { "markdown": "hi" } }"""));
    }

    [Fact]
    public void A_widget_without_properties_says_so()
    {
        Assert.Equal("properties is missing", ReasonFor("""{ "type": "metric" }"""));
    }

    [Fact]
    public void A_widget_that_is_not_an_object_says_where_it_is()
    {
        Assert.Equal("widgets[0] must be an object (got 42)", ReasonFor("42"));
    }

    [Fact]
    public void A_width_off_the_grid_is_refused_and_the_widget_keeps_a_default_place()
    {
        var widget = Assert.IsType<UndrawableWidget>(ParseOnlyWidget("""
            { "type": "text", "x": 0, "y": 0, "width": 30, "properties": { "markdown": "hi" } }
            """));

        Assert.Equal(
            ("width must be a whole number from 1 to 24 (got 30)", new GridPlacement(0, 0, 6, 6)),
            (widget.Reason, widget.Placement));
    }

    [Fact]
    public void A_widget_property_of_the_wrong_type_is_named()
    {
        Assert.Equal(
            "properties.stacked must be true or false (got \"yes\")",
            ReasonFor(Metric("""{ "stacked": "yes", "metrics": [["AWS/ECS", "CPUUtilization"]] }""")));
    }

    [Fact]
    public void An_unknown_view_lists_the_views_there_are()
    {
        Assert.Equal(
            "properties.view must be one of \"timeSeries\", \"singleValue\", \"bar\", \"pie\", \"gauge\" (got \"scatter\")",
            ReasonFor(Metric("""{ "view": "scatter", "metrics": [["AWS/ECS", "CPUUtilization"]] }""")));
    }

    [Fact]
    public void The_table_view_is_not_drawn_yet()
    {
        Assert.Equal(
            "the table view is not supported yet",
            ReasonFor(Metric("""{ "view": "table", "metrics": [["AWS/ECS", "CPUUtilization"]] }""")));
    }

    [Fact]
    public void A_widget_period_CloudWatch_does_not_take_is_refused()
    {
        Assert.Equal(
            "properties.period must be 1, 5, 10, 30 or a multiple of 60 seconds (got 90)",
            ReasonFor(Metric("""{ "period": 90, "metrics": [["AWS/ECS", "CPUUtilization"]] }""")));
    }

    [Fact]
    public void An_undrawable_metric_widget_keeps_its_title_and_type()
    {
        var widget = Assert.IsType<UndrawableWidget>(ParseOnlyWidget(Metric("""{ "title": "CPU" }""")));

        Assert.Equal(("CPU", "metric"), (widget.Title, widget.Type));
    }

    [Fact]
    public void The_other_widgets_still_parse_around_an_undrawable_one()
    {
        var dashboard = DashboardBodyParser.Parse(Body(
            """{ "type": "log", "properties": {} }""",
            MetricWith("""[["AWS/ECS", "CPUUtilization"]]"""),
            """{ "type": "text", "properties": { "markdown": "# Notes" } }"""));

        Assert.Collection(
            dashboard.Widgets,
            widget => Assert.IsType<UndrawableWidget>(widget),
            widget => Assert.IsType<MetricWidget>(widget),
            widget => Assert.IsType<TextWidget>(widget));
    }
}
