using Bunit;
using Kessan.Console.Features.Dashboards;
using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Dashboards;

public sealed class DashboardPageTests : ConsoleComponentContext
{
    [Fact]
    public void A_body_that_is_not_json_is_explained_instead_of_drawn()
    {
        CloudWatch.Dashboards["Broken"] = "{ widgets: oops";

        var page = Render<DashboardPage>(p => p.Add(x => x.Name, "Broken"));

        page.WaitForAssertion(() => Assert.Contains("not valid JSON", page.Find("[data-testid='dashboard-body-problem']").TextContent));
    }

    [Fact]
    public void A_widget_missing_its_metrics_explains_itself_and_the_text_widget_still_renders()
    {
        CloudWatch.Dashboards["Mixed"] = """
            {"widgets":[
              {"type":"metric","x":0,"y":0,"width":12,"height":6,"properties":{"title":"No metrics","region":"ap-northeast-1"}},
              {"type":"text","x":12,"y":0,"width":12,"height":6,"properties":{"markdown":"# Kessan runbook"}}
            ]}
            """;

        var page = Render<DashboardPage>(p => p.Add(x => x.Name, "Mixed"));

        page.WaitForAssertion(() => Assert.Contains("properties.metrics", page.Find("[data-widget-index='0'] [data-testid='widget-problem']").TextContent));
        Assert.Equal("Kessan runbook", page.Find("[data-widget-index='1'] h1").TextContent);
    }

    [Fact]
    public void Bad_time_parameters_fall_back_to_the_default_range_and_say_so()
    {
        CloudWatch.Dashboards["Empty"] = """{"widgets":[]}""";
        Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboards/Empty?from=yesterday&refresh=7x");

        var page = Render<DashboardPage>(p => p.Add(x => x.Name, "Empty"));

        page.WaitForAssertion(() => Assert.Contains("yesterday", page.Find("[data-testid='time-problem']").TextContent));
    }

    [Fact]
    public void Widgets_are_placed_on_the_24_column_grid_by_x_y_width_and_height()
    {
        CloudWatch.Dashboards["Grid"] = """
            {"widgets":[{"type":"text","x":12,"y":6,"width":12,"height":3,"properties":{"markdown":"note"}}]}
            """;

        var page = Render<DashboardPage>(p => p.Add(x => x.Name, "Grid"));

        page.WaitForAssertion(() => Assert.Contains("grid-column: 13 / span 12; grid-row: 7 / span 3;", page.Find("[data-widget-index='0']").GetAttribute("style")));
    }
}
