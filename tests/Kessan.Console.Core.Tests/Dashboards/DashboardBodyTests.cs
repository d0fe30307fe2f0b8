using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class DashboardBodyTests
{
    private static void AssertUnreadable(string body, string problem)
    {
        var dashboard = DashboardBodyParser.Parse(body);

        Assert.Equal(problem, dashboard.Problem);
        Assert.Empty(dashboard.Widgets);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    public void An_empty_body_says_it_is_empty(string body)
    {
        AssertUnreadable(body, "The dashboard body is empty.");
    }

    [Fact]
    public void A_body_that_is_not_json_says_where_it_breaks()
    {
        AssertUnreadable("{\n  \"widgets\": [,]\n}", "The dashboard body is not valid JSON (line 2, position 15).");
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        AssertUnreadable("[]", "The dashboard body must be a JSON object with a \"widgets\" array, not an array.");
    }

    [Fact]
    public void A_body_without_widgets_is_refused()
    {
        AssertUnreadable("""{ "start": "-PT6H" }""", "The dashboard body has no \"widgets\" array.");
    }

    [Fact]
    public void Widgets_that_are_not_an_array_are_refused()
    {
        AssertUnreadable("""{ "widgets": {} }""", "The dashboard body's \"widgets\" must be an array, not an object.");
    }

    [Fact]
    public void An_empty_widgets_array_is_an_empty_dashboard()
    {
        var dashboard = DashboardBodyParser.Parse("""{ "widgets": [] }""");

        Assert.Null(dashboard.Problem);
        Assert.Empty(dashboard.Widgets);
    }

    [Fact]
    public void The_dashboards_own_time_settings_are_kept()
    {
        var dashboard = DashboardBodyParser.Parse("""{ "start": "-PT6H", "end": "P0D", "periodOverride": "inherit", "widgets": [] }""");

        Assert.Equal(("-PT6H", "P0D", PeriodOverride.Inherit), (dashboard.Start, dashboard.End, dashboard.PeriodOverride));
    }

    [Fact]
    public void A_bad_dashboard_time_setting_is_dropped_and_the_widgets_still_show()
    {
        var dashboard = DashboardBodyParser.Parse(Body(MetricWith("""[["AWS/ECS", "CPUUtilization"]]""")).Replace("{ \"widgets\"", """{ "start": 6, "periodOverride": "often", "widgets" """));

        Assert.Equal((null, null, null), (dashboard.Start, dashboard.PeriodOverride, dashboard.Problem));
        Assert.IsType<MetricWidget>(Assert.Single(dashboard.Widgets));
    }

    [Fact]
    public void Equal_bodies_give_equal_dashboards()
    {
        Assert.Equal(DashboardBodyParser.Parse(SeedDashboards.Main), DashboardBodyParser.Parse(SeedDashboards.Main));
    }
}
