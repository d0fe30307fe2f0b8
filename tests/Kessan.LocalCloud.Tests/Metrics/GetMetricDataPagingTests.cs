using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;
using static Kessan.LocalCloud.Tests.Metrics.MetricEngine;

namespace Kessan.LocalCloud.Tests.Metrics;

public sealed class GetMetricDataPagingTests
{
    private readonly MetricEngine _engine = new();

    [Fact]
    public void Beyond_100800_datapoints_the_cut_query_is_partial_and_the_next_token_continues_exactly_there()
    {
        // 24 series with a datapoint in each of the 4,320 minutes of three days: 103,680 datapoints in all.
        var to = _engine.Clock.GetUtcNow();
        var from = to.AddDays(-3);
        var queries = Enumerable.Range(0, 24).Select(series => Query.Stat("Requests", "Sum", id: $"s{series}", dimensions: new Dimension("Series", $"{series}"))).ToArray();
        for (var series = 0; series < 24; series++)
        {
            _engine.Store.Put(Namespace, Enumerable.Range(0, 4320)
                .Select(minute => Datum.Value("Requests", minute, from.AddMinutes(minute), new Dimension("Series", $"{series}"))).ToArray());
        }

        var first = _engine.Get(queries, from, to);
        var second = _engine.Get(queries, from, to, nextToken: first.NextToken);

        Assert.Equal(100_800, first.MetricDataResults!.Sum(result => result.Values!.Count));
        Assert.Equal([.. Enumerable.Repeat(CloudWatchValues.Complete, 23), CloudWatchValues.PartialData], first.MetricDataResults!.Select(result => result.StatusCode));
        var rest = Assert.Single(second.MetricDataResults!);
        Assert.Equal(("s23", CloudWatchValues.Complete), (rest.Id, rest.StatusCode));
        Assert.Null(second.NextToken);
        var newestFirst = Enumerable.Range(0, 4320).Reverse().Select(minute => (from.AddMinutes(minute), (double)minute));
        Assert.Equal(newestFirst, Pairs(first.MetricDataResults![^1]).Concat(Pairs(rest)));
    }

    [Fact]
    public void A_page_that_ends_between_queries_leaves_the_next_query_whole_for_the_next_call()
    {
        _engine.Put(Enumerable.Range(0, 3).Select(minute => Datum.Value("Requests", minute, Minute(minute))).ToArray());
        MetricDataQuery[] queries = [Query.Stat("Requests", "Sum", id: "sum"), Query.Stat("Requests", "Maximum", id: "max")];

        var first = _engine.Get(queries, maxDatapoints: 3);
        var second = _engine.Get(queries, maxDatapoints: 3, nextToken: first.NextToken);

        Assert.Equal([("sum", CloudWatchValues.Complete, 3)], first.MetricDataResults!.Select(result => (result.Id, result.StatusCode, result.Values!.Count)));
        Assert.Equal([("max", CloudWatchValues.Complete, 3)], second.MetricDataResults!.Select(result => (result.Id, result.StatusCode, result.Values!.Count)));
        Assert.Null(second.NextToken);
    }

    [Theory]
    [InlineData(CloudWatchValues.TimestampDescending, new[] { 11, 9, 7, 5 })]
    [InlineData(CloudWatchValues.TimestampAscending, new[] { 9, 11, 13, 15 })]
    public void Data_arriving_between_pages_does_not_shift_the_next_page(string scanBy, int[] secondPageMinutes)
    {
        var oddMinutes = Enumerable.Range(0, 10).Select(i => 2 * i + 1);
        _engine.Put(oddMinutes.Select(minute => Datum.Value("Requests", 1, Minute(minute))).ToArray());
        MetricDataQuery[] queries = [Query.Stat("Requests", "Sum")];

        var first = _engine.Get(queries, scanBy: scanBy, maxDatapoints: 4);
        _engine.Put([.. new[] { 0, 2, 18, 21 }.Select(minute => Datum.Value("Requests", 1, Minute(minute)))]);
        var second = _engine.Get(queries, scanBy: scanBy, maxDatapoints: 4, nextToken: first.NextToken);

        Assert.Equal(secondPageMinutes.Select(Minute), second.MetricDataResults!.Single().Timestamps!);
    }

    [Fact]
    public void A_token_is_refused_for_a_request_with_other_queries()
    {
        _engine.Put(Enumerable.Range(0, 10).Select(minute => Datum.Value("Requests", 1, Minute(minute))).ToArray());
        var first = _engine.Get([Query.Stat("Requests", "Sum", id: "a")], maxDatapoints: 4);

        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Requests", "Sum", id: "b")], maxDatapoints: 4, nextToken: first.NextToken));

        Assert.Equal("InvalidNextToken", error.QueryCode);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void A_token_LocalCloud_did_not_issue_is_refused(string token)
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Get([Query.Stat("Requests", "Sum")], nextToken: token));

        Assert.Equal((400, "InvalidNextToken"), (error.StatusCode, error.QueryCode));
    }
}
