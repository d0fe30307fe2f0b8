using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.CloudWatch;

/// <summary>Each operation as it goes over the wire (target, content type, JSON body) and as its reply is read.</summary>
public sealed class CloudWatchOperationTests : HarnessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetMetricData_posts_its_queries_with_epoch_second_times()
    {
        await Aws.CloudWatch.GetMetricDataAsync(
            new GetMetricDataRequest
            {
                MetricDataQueries =
                [
                    new MetricDataQuery
                    {
                        Id = "latency",
                        MetricStat = new MetricStat
                        {
                            Metric = new Metric
                            {
                                Namespace = "AWS/ApplicationELB",
                                MetricName = "TargetResponseTime",
                                Dimensions = [new Dimension("LoadBalancer", "app/kessan-prod/1")],
                            },
                            Period = 60,
                            Stat = "Average",
                        },
                    },
                    new MetricDataQuery { Id = "scaled", Expression = "latency * 1000", Label = "ms", ReturnData = true },
                ],
                StartTime = Start,
                EndTime = Start.AddHours(3),
                ScanBy = CloudWatchValues.TimestampAscending,
                MaxDatapoints = 1000,
            },
            CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        AssertTarget(sent, "GetMetricData");
        JsonAssert.Equivalent(
            """
            {
              "MetricDataQueries": [
                { "Id": "latency",
                  "MetricStat": {
                    "Metric": { "Namespace": "AWS/ApplicationELB", "MetricName": "TargetResponseTime",
                                "Dimensions": [ { "Name": "LoadBalancer", "Value": "app/kessan-prod/1" } ] },
                    "Period": 60, "Stat": "Average" } },
                { "Id": "scaled", "Expression": "latency * 1000", "Label": "ms", "ReturnData": true }
              ],
              "StartTime": 1795150800, "EndTime": 1795161600,
              "ScanBy": "TimestampAscending", "MaxDatapoints": 1000
            }
            """,
            sent);
    }

    [Fact]
    public async Task GetMetricData_reads_results_with_aligned_timestamps_and_values()
    {
        Aws.Server.Reply(ScriptedReply.Ok(
            """
            {"MetricDataResults":[{"Id":"latency","Label":"TargetResponseTime","StatusCode":"Complete",
              "Timestamps":[1795150860,1795150800.5],"Values":[0.25,0.5]}],
             "Messages":[]}
            """));

        var response = await Aws.CloudWatch.GetMetricDataAsync(
            new GetMetricDataRequest { MetricDataQueries = [new MetricDataQuery { Id = "latency", Expression = "1" }], StartTime = Start, EndTime = Start.AddHours(1) },
            CancellationToken.None);

        var result = Assert.Single(response.MetricDataResults!);
        Assert.Equal(CloudWatchValues.Complete, result.StatusCode);
        Assert.Equal([Start.AddMinutes(1), Start.AddSeconds(0.5)], result.Timestamps!);
        Assert.Equal([0.25, 0.5], result.Values!);
    }

    [Fact]
    public async Task ListMetrics_posts_its_filters()
    {
        await Aws.CloudWatch.ListMetricsAsync(
            new ListMetricsRequest { Namespace = "Kessan/Business", Dimensions = [new DimensionFilter("Method")], RecentlyActive = "PT3H" },
            CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        AssertTarget(sent, "ListMetrics");
        JsonAssert.Equivalent("""{"Namespace":"Kessan/Business","Dimensions":[{"Name":"Method"}],"RecentlyActive":"PT3H"}""", sent);
    }

    [Fact]
    public async Task ListDashboards_posts_its_prefix_and_reads_entries()
    {
        Aws.Server.Reply(ScriptedReply.Ok(
            """{"DashboardEntries":[{"DashboardName":"Kessan-prod-Main","DashboardArn":"arn:aws:cloudwatch::000000000000:dashboard/Kessan-prod-Main","LastModified":1795150800,"Size":2048}]}"""));

        var response = await Aws.CloudWatch.ListDashboardsAsync(new ListDashboardsRequest { DashboardNamePrefix = "Kessan-" }, CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        AssertTarget(sent, "ListDashboards");
        JsonAssert.Equivalent("""{"DashboardNamePrefix":"Kessan-"}""", sent);
        var entry = Assert.Single(response.DashboardEntries!);
        Assert.Equal(("Kessan-prod-Main", Start, 2048L), (entry.DashboardName, entry.LastModified, entry.Size));
    }

    [Fact]
    public async Task GetDashboard_posts_the_name_and_reads_the_body()
    {
        Aws.Server.Reply(ScriptedReply.Ok("""{"DashboardName":"Kessan-prod-Main","DashboardBody":"{\"widgets\":[]}","DashboardArn":"arn:x"}"""));

        var response = await Aws.CloudWatch.GetDashboardAsync(new GetDashboardRequest("Kessan-prod-Main"), CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        AssertTarget(sent, "GetDashboard");
        JsonAssert.Equivalent("""{"DashboardName":"Kessan-prod-Main"}""", sent);
        Assert.Equal("""{"widgets":[]}""", response.DashboardBody);
    }

    [Fact]
    public async Task PutDashboard_posts_the_body_as_a_string_and_reads_validation_messages()
    {
        Aws.Server.Reply(ScriptedReply.Ok("""{"DashboardValidationMessages":[{"DataPath":"/widgets/0","Message":"Should have at least 1 metric"}]}"""));

        var response = await Aws.CloudWatch.PutDashboardAsync(new PutDashboardRequest("Kessan-prod-Main", """{"widgets":[]}"""), CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        AssertTarget(sent, "PutDashboard");
        JsonAssert.Equivalent("""{"DashboardName":"Kessan-prod-Main","DashboardBody":"{\"widgets\":[]}"}""", sent);
        Assert.Equal(new DashboardValidationMessage("/widgets/0", "Should have at least 1 metric"), Assert.Single(response.DashboardValidationMessages!));
    }

    [Fact]
    public async Task PutMetricData_posts_its_datums_and_accepts_an_empty_reply()
    {
        Aws.Server.Reply(new ScriptedReply(200, string.Empty, new Dictionary<string, string>()));

        await Aws.CloudWatch.PutMetricDataAsync(
            new PutMetricDataRequest
            {
                Namespace = "Kessan/Business",
                MetricData =
                [
                    new MetricDatum { MetricName = "UserRegistrations", Dimensions = [new Dimension("Method", "google")], Timestamp = Start, Value = 3, Unit = "Count" },
                    new MetricDatum { MetricName = "AIAnalysisCost", StatisticValues = new StatisticSet(2, 0.5, 0.2, 0.3) },
                ],
            },
            CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        AssertTarget(sent, "PutMetricData");
        JsonAssert.Equivalent(
            """
            {"Namespace":"Kessan/Business","MetricData":[
              {"MetricName":"UserRegistrations","Dimensions":[{"Name":"Method","Value":"google"}],"Timestamp":1795150800,"Value":3,"Unit":"Count"},
              {"MetricName":"AIAnalysisCost","StatisticValues":{"SampleCount":2,"Sum":0.5,"Minimum":0.2,"Maximum":0.3}}]}
            """,
            sent);
    }

    [Fact]
    public async Task Requests_announce_query_compatibility_as_the_AWS_SDKs_do()
    {
        await Aws.CloudWatch.ListDashboardsAsync(new ListDashboardsRequest(), CancellationToken.None);

        Assert.Equal("true", Assert.Single(Aws.Server.Requests).Header("x-amzn-query-mode"));
    }

    [Fact]
    public async Task A_reply_that_is_not_JSON_is_a_transport_error_naming_the_operation()
    {
        Aws.Server.Reply(ScriptedReply.Ok("<html>proxy login</html>"));

        var error = await Assert.ThrowsAsync<AwsTransportException>(
            () => Aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None));

        Assert.Contains("not the JSON ListMetrics returns", error.Message);
        Assert.Single(Aws.Server.Requests);
    }

    private static void AssertTarget(RecordedRequest sent, string operation)
    {
        Assert.Equal(("POST", "/"), (sent.Method, sent.Path));
        Assert.Equal($"GraniteServiceVersion20100801.{operation}", sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", sent.Header("Content-Type"));
    }
}
