using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class MetricWidgetSettingsTests
{
    private static MetricWidget Parse(string settings) =>
        ParseMetricWidget($$"""{ {{settings}} "metrics": [["AWS/ECS", "CPUUtilization"]] }""");

    [Fact]
    public void A_widget_without_settings_takes_CloudWatch_defaults()
    {
        var widget = Parse("");

        Assert.Equal(
            (null, MetricView.TimeSeries, false, Region, 300, "Average", YAxisSettings.Default, LegendPosition.Bottom, false, false, false),
            (widget.Title, widget.View, widget.Stacked, widget.Region, widget.Period, widget.Stat, widget.YAxis,
                widget.LegendPosition, widget.LiveData, widget.SetPeriodToTimeRange, widget.Sparkline));
        Assert.Empty(widget.HorizontalAnnotations);
    }

    [Theory]
    [InlineData("timeSeries", MetricView.TimeSeries)]
    [InlineData("singleValue", MetricView.SingleValue)]
    [InlineData("bar", MetricView.Bar)]
    [InlineData("pie", MetricView.Pie)]
    [InlineData("gauge", MetricView.Gauge)]
    public void The_view_is_read(string view, MetricView expected)
    {
        Assert.Equal(expected, Parse($$""" "view": "{{view}}", """).View);
    }

    [Fact]
    public void Both_y_axes_are_read()
    {
        var widget = Parse(""" "yAxis": { "left": { "min": 0, "max": 100, "label": "Percent", "showUnits": false }, "right": { "min": -5.5 } }, """);

        Assert.Equal(
            new YAxisSettings(new AxisSettings(0, 100, "Percent", ShowUnits: false), new AxisSettings(-5.5, null, null, ShowUnits: true)),
            widget.YAxis);
    }

    [Theory]
    [InlineData("bottom", LegendPosition.Bottom)]
    [InlineData("right", LegendPosition.Right)]
    [InlineData("hidden", LegendPosition.Hidden)]
    public void The_legend_position_is_read(string position, LegendPosition expected)
    {
        Assert.Equal(expected, Parse($$""" "legend": { "position": "{{position}}" }, """).LegendPosition);
    }

    [Fact]
    public void Live_data_whole_range_and_sparkline_switches_are_read()
    {
        var widget = Parse(""" "liveData": true, "setPeriodToTimeRange": true, "sparkline": true, """);

        Assert.Equal((true, true, true), (widget.LiveData, widget.SetPeriodToTimeRange, widget.Sparkline));
    }

    [Fact]
    public void A_horizontal_annotation_is_a_line_with_its_settings()
    {
        var widget = Parse("""
            "annotations": { "horizontal": [{ "value": 1000, "label": "SLO", "color": "#d62728", "fill": "above", "visible": false, "yAxis": "right" }] },
            """);

        Assert.Equal(
            new HorizontalAnnotation(1000, "SLO", "#d62728", AnnotationFill.Above, Visible: false, BandEnd: null) { YAxis = AxisSide.Right },
            Assert.Single(widget.HorizontalAnnotations));
    }

    [Fact]
    public void A_horizontal_annotation_without_settings_is_a_visible_unfilled_line_on_the_left_axis()
    {
        var annotation = Assert.Single(Parse(""" "annotations": { "horizontal": [{ "value": 80 }] }, """).HorizontalAnnotations);

        Assert.Equal(new HorizontalAnnotation(80, null, null, AnnotationFill.None, Visible: true, BandEnd: null), annotation);
    }

    [Fact]
    public void A_pair_of_horizontal_annotations_is_a_band()
    {
        var annotation = Assert.Single(Parse("""
            "annotations": { "horizontal": [[{ "value": 200, "label": "Normal", "color": "#2ca02c" }, { "value": 500 }]] },
            """).HorizontalAnnotations);

        Assert.Equal(new HorizontalAnnotation(200, "Normal", "#2ca02c", AnnotationFill.Between, Visible: true, BandEnd: 500), annotation);
        Assert.True(annotation.IsBand);
    }

    [Fact]
    public void An_annotation_without_a_value_is_named_by_its_place()
    {
        Assert.Equal(
            "properties.annotations.horizontal[1].value is missing",
            ReasonFor(Metric("""
                { "annotations": { "horizontal": [{ "value": 1 }, { "label": "SLO" }] }, "metrics": [["AWS/ECS", "CPUUtilization"]] }
                """)));
    }

    [Fact]
    public void A_band_end_that_is_not_a_number_is_named_by_its_place()
    {
        Assert.Equal(
            "properties.annotations.horizontal[0][1].value must be a number (got \"high\")",
            ReasonFor(Metric("""
                { "annotations": { "horizontal": [[{ "value": 1 }, { "value": "high" }]] }, "metrics": [["AWS/ECS", "CPUUtilization"]] }
                """)));
    }

    [Fact]
    public void A_number_too_large_to_draw_is_refused()
    {
        Assert.Equal(
            "properties.yAxis.left.max must be a number (got 1e400)",
            ReasonFor(Metric("""{ "yAxis": { "left": { "max": 1e400 } }, "metrics": [["AWS/ECS", "CPUUtilization"]] }""")));
    }
}
