using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class SeedDashboardTests
{
    private static readonly DashboardDefinition Main = DashboardBodyParser.Parse(SeedDashboards.Main);
    private static readonly DashboardDefinition Performance = DashboardBodyParser.Parse(SeedDashboards.Performance);

    private static MetricWidget Widget(DashboardDefinition dashboard, int index) =>
        Assert.IsType<MetricWidget>(dashboard.Widgets[index]);

    [Fact]
    public void Seed_dashboards_parse_without_problems()
    {
        Assert.Null(Main.Problem);
        Assert.Null(Performance.Problem);
        Assert.All(Main.Widgets.Concat(Performance.Widgets), widget => Assert.IsType<MetricWidget>(widget));
    }

    [Fact]
    public void Ecs_widget_shows_cpu_and_memory_of_the_api_service()
    {
        (string, string)[] service = [("ServiceName", "kessan-api-service"), ("ClusterName", "kessan-production")];

        Assert.Equal(
            [Series("AWS/ECS", "CPUUtilization", service), Series("AWS/ECS", "MemoryUtilization", service)],
            Widget(Main, 0).Series);
    }

    [Fact]
    public void Rds_widget_repeats_the_instance_for_four_metrics()
    {
        var instance = ("DBInstanceIdentifier", "kessan-db-production");

        Assert.Equal(
            [
                Series("AWS/RDS", "CPUUtilization", instance),
                Series("AWS/RDS", "DatabaseConnections", instance),
                Series("AWS/RDS", "ReadLatency", instance),
                Series("AWS/RDS", "WriteLatency", instance),
            ],
            Widget(Main, 1).Series);
    }

    [Fact]
    public void Api_usage_widget_has_one_series_per_endpoint()
    {
        Assert.Equal(
            [
                Series("Kessan/Business", "APIRequests", ("Endpoint", "/stocks/search")),
                Series("Kessan/Business", "APIRequests", ("Endpoint", "/analysis/{ticker}/generate")),
                Series("Kessan/Business", "APIRequests", ("Endpoint", "/watchlist")),
            ],
            Widget(Main, 2).Series);
    }

    [Fact]
    public void Registrations_widget_has_one_hourly_series_per_method()
    {
        Assert.Equal(
            [
                Series("Kessan/Business", "UserRegistrations", ("Method", "email")) with { Period = 3600 },
                Series("Kessan/Business", "UserRegistrations", ("Method", "google")) with { Period = 3600 },
                Series("Kessan/Business", "UserRegistrations", ("Method", "line")) with { Period = 3600 },
            ],
            Widget(Main, 3).Series);
    }

    [Fact]
    public void Response_time_widget_has_one_series_per_endpoint()
    {
        Assert.Equal(
            [
                Series("Kessan/Business", "APIResponseTime", ("Endpoint", "/stocks/search")),
                Series("Kessan/Business", "APIResponseTime", ("Endpoint", "/stocks/{ticker}")),
                Series("Kessan/Business", "APIResponseTime", ("Endpoint", "/analysis/{ticker}/generate")),
            ],
            Widget(Performance, 0).Series);
    }

    [Fact]
    public void Redis_widget_repeats_the_cluster_for_three_metrics()
    {
        var cluster = ("CacheClusterId", "kessan-redis-production");

        Assert.Equal(
            [
                Series("AWS/ElastiCache", "CacheHitRate", cluster),
                Series("AWS/ElastiCache", "CacheMisses", cluster),
                Series("AWS/ElastiCache", "CacheHits", cluster),
            ],
            Widget(Performance, 1).Series);
    }

    [Fact]
    public void Ai_cost_widget_has_one_hourly_series_per_analysis_type()
    {
        Assert.Equal(
            new[] { "comprehensive", "short_term", "mid_term", "long_term" }
                .Select(type => Series("Kessan/Business", "AIAnalysisCost", ("AnalysisType", type)) with { Period = 3600 }),
            Widget(Performance, 2).Series);
    }

    public static TheoryData<string, int, string, bool, int, GridPlacement> SeedWidgets => new()
    {
        { nameof(Main), 0, "ECS Service Metrics", false, 300, new GridPlacement(0, 0, 12, 6) },
        { nameof(Main), 1, "RDS Metrics", false, 300, new GridPlacement(12, 0, 12, 6) },
        { nameof(Main), 2, "API Usage", false, 300, new GridPlacement(0, 6, 12, 6) },
        { nameof(Main), 3, "User Registrations", true, 3600, new GridPlacement(12, 6, 12, 6) },
        { nameof(Performance), 0, "API Response Times", false, 300, new GridPlacement(0, 0, 24, 6) },
        { nameof(Performance), 1, "Redis Cache Performance", false, 300, new GridPlacement(0, 6, 12, 6) },
        { nameof(Performance), 2, "AI Analysis Costs", true, 3600, new GridPlacement(12, 6, 12, 6) },
    };

    [Theory]
    [MemberData(nameof(SeedWidgets))]
    public void Seed_widgets_keep_their_title_view_stacking_period_region_and_place(
        string dashboard, int index, string title, bool stacked, int period, GridPlacement placement)
    {
        var widget = Widget(dashboard == nameof(Main) ? Main : Performance, index);

        Assert.Equal(
            (title, MetricView.TimeSeries, stacked, period, "Average", "ap-northeast-1", placement),
            (widget.Title, widget.View, widget.Stacked, widget.Period, widget.Stat, widget.Region, widget.Placement));
    }
}
