using System.Text.Json.Nodes;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.CloudWatch;

public sealed class CloudWatchPaginationTests : HarnessTests
{
    [Fact]
    public async Task Metrics_of_every_page_are_listed_in_order_following_NextToken()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"Metrics":[{"MetricName":"A"},{"MetricName":"B"}],"NextToken":"page-2"}"""),
            ScriptedReply.Ok("""{"Metrics":[{"MetricName":"C"}],"NextToken":"page-3"}"""),
            ScriptedReply.Ok("""{"Metrics":[{"MetricName":"D"}]}"""));

        var names = await Aws.CloudWatch.EnumerateMetricsAsync(new ListMetricsRequest { Namespace = "Kessan/Business" })
            .Select(metric => metric.MetricName).ToListAsync();

        Assert.Equal(["A", "B", "C", "D"], names);
        Assert.Equal(
            [null, "page-2", "page-3"],
            Aws.Server.Requests.Select(sent => sent.Json?["NextToken"]?.GetValue<string>()));
        Assert.All(Aws.Server.Requests, sent => Assert.Equal("Kessan/Business", sent.Json?["Namespace"]?.GetValue<string>()));
    }

    [Fact]
    public async Task GetMetricData_pages_keep_the_queries_and_carry_the_token()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"MetricDataResults":[{"Id":"q","Timestamps":[1795150800],"Values":[1]}],"NextToken":"more"}"""),
            ScriptedReply.Ok("""{"MetricDataResults":[{"Id":"q","Timestamps":[1795150860],"Values":[2]}]}"""));
        var start = new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

        var results = await Aws.CloudWatch.EnumerateMetricDataResultsAsync(new GetMetricDataRequest
        {
            MetricDataQueries = [new MetricDataQuery { Id = "q", Expression = "SEARCH('Kessan', 'Sum', 60)" }],
            StartTime = start,
            EndTime = start.AddHours(1),
        }).ToListAsync();

        Assert.Equal([1.0, 2.0], results.SelectMany(result => result.Values!));
        var second = Aws.Server.Requests[1].Json!;
        Assert.Equal("more", second["NextToken"]?.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Aws.Server.Requests[0].Json!["MetricDataQueries"], second["MetricDataQueries"]));
    }

    [Fact]
    public async Task Dashboard_pages_end_when_the_token_is_empty()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"DashboardEntries":[{"DashboardName":"Kessan-prod-Main"}],"NextToken":"next"}"""),
            ScriptedReply.Ok("""{"DashboardEntries":[{"DashboardName":"Kessan-prod-Performance"}],"NextToken":""}"""));

        var pages = await Aws.CloudWatch.ListDashboardsPagesAsync(new ListDashboardsRequest()).ToListAsync();

        Assert.Equal(2, pages.Count);
        Assert.Equal(2, Aws.Server.Requests.Count);
    }

    [Fact]
    public async Task A_token_repeated_by_the_service_does_not_loop_forever()
    {
        Aws.Server.Reply(
            ScriptedReply.Ok("""{"DashboardEntries":[{"DashboardName":"A"}],"NextToken":"same"}"""),
            ScriptedReply.Ok("""{"DashboardEntries":[{"DashboardName":"B"}],"NextToken":"same"}"""));

        var names = await Aws.CloudWatch.EnumerateDashboardsAsync(new ListDashboardsRequest())
            .Select(entry => entry.DashboardName).ToListAsync();

        Assert.Equal(["A", "B"], names);
    }

    [Fact]
    public async Task The_next_page_is_asked_for_only_when_the_caller_reads_on()
    {
        Aws.Server.Reply(ScriptedReply.Ok("""{"Metrics":[{"MetricName":"A"}],"NextToken":"page-2"}"""));

        await foreach (var _ in Aws.CloudWatch.ListMetricsPagesAsync(new ListMetricsRequest()))
        {
            break;
        }

        Assert.Single(Aws.Server.Requests);
    }
}
