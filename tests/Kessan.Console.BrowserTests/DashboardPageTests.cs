using System.Globalization;
using System.Text.RegularExpressions;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.BrowserTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kessan.Console.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserSession session)
{
    private const string Main = "/dashboards/Kessan-local-Main";

    [Fact]
    public async Task The_main_dashboard_draws_every_widget_with_data_points()
    {
        var page = await session.OpenAsync(Main);

        var charts = page.Locator("[data-widget-type='metric'] .kessan-chart");
        await Expect(charts).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await Expect(charts.Nth(i)).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        }
        await Expect(page.GetByText("ECS Service Metrics")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("local-data-badge")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "dashboard-main.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Choosing_another_time_range_updates_the_url_and_the_charts()
    {
        var page = await session.OpenAsync(Main + "?from=now-3h&to=now");
        var ecs = page.Locator("[data-widget-index='0'] .kessan-chart");
        // Two series of 5-minute periods: 36 or 37 each, depending on whether the newest period has data yet.
        await Expect(ecs).ToHaveAttributeAsync("data-points", new Regex("^7[2-4]$"));

        await page.GetByTestId("time-range").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Last 1 hour" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("from=now-1h"));
        await Expect(ecs).ToHaveAttributeAsync("data-points", new Regex("^2[4-6]$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_refresh_on_a_new_point_appears_without_reload()
    {
        var page = await session.OpenAsync(Main + "?from=now-1h&to=now&refresh=10s");
        var ecs = page.Locator("[data-widget-index='0'] .kessan-chart");
        await Expect(ecs).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
        var before = long.Parse(await ecs.GetAttributeAsync("data-last-ms") ?? "0", CultureInfo.InvariantCulture);

        await session.AdvanceUntilAsync(async () => await NewestPointAsync(ecs) > before, TimeSpan.FromSeconds(10));

        Assert.Equal(before + 300_000, await NewestPointAsync(ecs));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Many_viewers_of_one_dashboard_cost_the_calls_of_one()
    {
        var first = await session.OpenAsync(Main + "?from=now-12h&to=now");
        await WaitForAllChartsAsync(first);
        var callsForOne = session.Server.GetMetricDataCalls;

        var others = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            var page = await session.OpenAsync(Main + "?from=now-12h&to=now");
            await WaitForAllChartsAsync(page);
            others.Add(page);
        }

        Assert.Equal(callsForOne, session.Server.GetMetricDataCalls);
        foreach (var page in others.Append(first))
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_unreachable_endpoint_leaves_the_page_up_with_stale_data_until_it_returns()
    {
        var page = await session.OpenAsync(Main + "?from=now-6h&to=now&refresh=10s");
        var status = page.Locator("[data-widget-index='0'] [data-testid='widget-status']");
        await Expect(status).ToContainTextAsync("Updated");

        session.Server.Faults.Unreachable = true;
        try
        {
            await session.AdvanceUntilAsync(async () => (await status.InnerTextAsync()).StartsWith("Stale since", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            await Expect(page.Locator("[data-widget-index='0'] .kessan-chart")).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
        }
        finally
        {
            session.Server.Faults.Unreachable = false;
        }

        await session.AdvanceUntilAsync(async () => (await status.InnerTextAsync()).StartsWith("Updated", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_dashboard_shows_a_not_found_page_linking_to_the_list()
    {
        var page = await session.OpenAsync("/dashboards/No-Such-Dashboard");

        await Expect(page.GetByTestId("dashboard-not-found")).ToContainTextAsync("No dashboard named");
        await page.GetByRole(AriaRole.Link, new() { Name = "All dashboards" }).ClickAsync();
        await Expect(page.GetByTestId("dashboard-list")).ToContainTextAsync("Kessan-local-Performance");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_broken_widget_says_why_in_its_box_while_the_others_draw()
    {
        var cloudWatch = session.Server.Services.GetRequiredService<ICloudWatch>();
        await cloudWatch.PutDashboardAsync(new PutDashboardRequest("Broken-Widget", """
            {"widgets":[
              {"type":"metric","x":0,"y":0,"width":12,"height":6,"properties":{"metrics":[["AWS/ECS","CPUUtilization","ServiceName","kessan-api-service","ClusterName","kessan-local"]],"region":"ap-northeast-1","title":"CPU"}},
              {"type":"metric","x":12,"y":0,"width":12,"height":6,"properties":{"metrics":[["AWS/ECS","CPUUtilization"],["...","ServiceName","a","ClusterName","b"]],"region":"ap-northeast-1","title":"Broken"}},
              {"type":"text","x":0,"y":6,"width":24,"height":2,"properties":{"markdown":"## Runbook <script>alert(1)</script>"}}
            ]}
            """), CancellationToken.None);

        var page = await session.OpenAsync("/dashboards/Broken-Widget");

        await Expect(page.Locator("[data-widget-index='1'] [data-testid='widget-problem']")).ToContainTextAsync("metrics[1]");
        await Expect(page.Locator("[data-widget-index='0'] .kessan-chart")).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
        await Expect(page.Locator("[data-widget-index='2'] h2")).ToContainTextAsync("Runbook <script>");
        await page.Context.CloseAsync();
    }

    private static async Task<long> NewestPointAsync(ILocator chart) =>
        long.Parse(await chart.GetAttributeAsync("data-last-ms") ?? "0", CultureInfo.InvariantCulture);

    private static async Task WaitForAllChartsAsync(IPage page)
    {
        var charts = page.Locator("[data-widget-type='metric'] .kessan-chart");
        await Expect(charts).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await Expect(charts.Nth(i)).ToHaveAttributeAsync("data-points", new Regex("^[0-9]+$"));
        }
    }
}
