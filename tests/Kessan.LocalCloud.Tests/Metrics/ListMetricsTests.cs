using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;
using static Kessan.LocalCloud.Tests.Metrics.MetricEngine;

namespace Kessan.LocalCloud.Tests.Metrics;

public sealed class ListMetricsTests
{
    private readonly MetricEngine _engine = new();

    public ListMetricsTests()
    {
        var now = _engine.Clock.GetUtcNow();
        _engine.Put(
            Datum.Value("Requests", 1, now, new Dimension("Endpoint", "/api/stocks"), new Dimension("Method", "GET")),
            Datum.Value("Requests", 1, now, new Dimension("Endpoint", "/api/users")),
            Datum.Value("Latency", 1, now, new Dimension("Endpoint", "/api/stocks")));
        _engine.Store.Put("Kessan/Other", [Datum.Value("Requests", 1, now)]);
    }

    [Fact]
    public void Namespace_and_metric_name_filter_exactly()
    {
        var metrics = List(new ListMetricsRequest { Namespace = Namespace, MetricName = "Requests" }).Metrics!;

        Assert.Equal(2, metrics.Count);
        Assert.All(metrics, metric => Assert.Equal((Namespace, "Requests"), (metric.Namespace, metric.MetricName)));
    }

    [Fact]
    public void A_dimension_filter_without_value_matches_any_value_of_that_dimension()
    {
        var metrics = List(new ListMetricsRequest { Namespace = Namespace, Dimensions = [new DimensionFilter("Endpoint")] }).Metrics!;

        Assert.Equal(3, metrics.Count);
    }

    [Fact]
    public void A_dimension_filter_with_value_matches_that_value_even_among_other_dimensions()
    {
        var metrics = List(new ListMetricsRequest { Dimensions = [new DimensionFilter("Endpoint", "/api/stocks")] }).Metrics!;

        Assert.Equal(["Latency", "Requests"], metrics.Select(metric => metric.MetricName).Order());
    }

    [Fact]
    public void Recently_active_keeps_metrics_published_in_the_last_three_hours()
    {
        _engine.Clock.Advance(TimeSpan.FromHours(2));
        _engine.Put(Datum.Value("Fresh", 1, _engine.Clock.GetUtcNow()));
        _engine.Clock.Advance(TimeSpan.FromHours(2));

        var metrics = List(new ListMetricsRequest { RecentlyActive = "PT3H" }).Metrics!;

        Assert.Equal(["Fresh"], metrics.Select(metric => metric.MetricName));
    }

    [Fact]
    public void Metrics_come_in_pages_of_500_that_together_list_each_metric_once()
    {
        var now = _engine.Clock.GetUtcNow();
        _engine.Store.Put("Kessan/Many", Enumerable.Range(0, 1200).Select(i => Datum.Value($"Metric{i}", 1, now)).ToArray());

        var pages = new List<ListMetricsResponse> { List(new ListMetricsRequest { Namespace = "Kessan/Many" }) };
        while (pages[^1].NextToken is { } token)
        {
            pages.Add(List(new ListMetricsRequest { Namespace = "Kessan/Many", NextToken = token }));
        }

        Assert.Equal([500, 500, 200], pages.Select(page => page.Metrics!.Count));
        Assert.Equal(1200, pages.SelectMany(page => page.Metrics!).Select(metric => metric.MetricName).Distinct().Count());
    }

    [Fact]
    public void A_token_ListMetrics_did_not_issue_is_refused()
    {
        var error = Assert.Throws<AwsServiceException>(() => List(new ListMetricsRequest { NextToken = "not-a-token" }));

        Assert.Equal("InvalidNextToken", error.QueryCode);
    }

    [Fact]
    public void Recently_active_accepts_only_PT3H()
    {
        var error = Assert.Throws<AwsServiceException>(() => List(new ListMetricsRequest { RecentlyActive = "PT1H" }));

        Assert.Equal("InvalidParameterValue", error.QueryCode);
    }

    private ListMetricsResponse List(ListMetricsRequest request) => _engine.ListMetrics.Handle(request, CancellationToken.None);
}
