using Kessan.Console.Core.Dashboards;
using Kessan.Console.Features.Dashboards.Widgets;

namespace Kessan.Console.Tests.Dashboards;

public sealed class SeriesLabelsTests
{
    [Fact]
    public void Series_of_one_metric_are_told_apart_by_their_dimension_values()
    {
        var body = """
            {"widgets":[{"type":"metric","x":0,"y":0,"width":12,"height":6,"properties":{"metrics":[
              ["Kessan/Business","APIRequests","Endpoint","/stocks/search"],["...","/watchlist"]],"region":"ap-northeast-1"}}]}
            """;
        var widget = (MetricWidget)DashboardBodyParser.Parse(body).Widgets[0];

        Assert.Equal(["APIRequests /stocks/search", "APIRequests /watchlist"], SeriesLabels.For(widget.Series));
    }

    [Fact]
    public void Different_metrics_keep_their_names_and_a_row_label_wins()
    {
        var body = """
            {"widgets":[{"type":"metric","properties":{"metrics":[
              ["AWS/RDS","CPUUtilization","DBInstanceIdentifier","db"],[".","DatabaseConnections",".",".",{"label":"Connections"}]],"region":"ap-northeast-1"}}]}
            """;
        var widget = (MetricWidget)DashboardBodyParser.Parse(body).Widgets[0];

        Assert.Equal(["CPUUtilization", "Connections"], SeriesLabels.For(widget.Series));
    }
}
