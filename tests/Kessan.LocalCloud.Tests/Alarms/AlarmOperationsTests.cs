using System.Net;
using System.Text.Json;
using Kessan.LocalCloud.Alarms;
using Kessan.LocalCloud.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>The alarm operations over HTTP, as an SDK calls them: validation, errors, filters and pagination.</summary>
public sealed class AlarmOperationsTests : IAsyncLifetime
{
    private const string Alarm = """
        {"AlarmName":"Latency-High","Namespace":"Kessan/Test","MetricName":"Latency","Statistic":"Average",
         "Period":300,"EvaluationPeriods":3,"Threshold":1000,"ComparisonOperator":"GreaterThanThreshold"}
        """;

    private LocalCloudServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalCloudServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_new_alarm_is_described_in_INSUFFICIENT_DATA_with_its_arn_and_timestamps()
    {
        await PutAsync(Alarm);

        var alarm = (await DescribeAsync("""{"AlarmNames":["Latency-High"]}""")).GetProperty("MetricAlarms").EnumerateArray().Single();

        var created = _server.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(
            ("arn:aws:cloudwatch:ap-northeast-1:000000000000:alarm:Latency-High", "INSUFFICIENT_DATA", "Unchecked: Initial alarm creation"),
            (alarm.GetProperty("AlarmArn").GetString(), alarm.GetProperty("StateValue").GetString(), alarm.GetProperty("StateReason").GetString()));
        Assert.Equal(
            (created, created, created),
            (alarm.GetProperty("AlarmConfigurationUpdatedTimestamp").GetInt64(), alarm.GetProperty("StateUpdatedTimestamp").GetInt64(),
                alarm.GetProperty("StateTransitionedTimestamp").GetInt64()));
    }

    [Fact]
    public async Task A_described_alarm_carries_the_configuration_it_was_put_with()
    {
        await PutAsync("""
            {"AlarmName":"Errors","AlarmDescription":"Too many errors","Namespace":"Kessan/Test","MetricName":"Errors",
             "Dimensions":[{"Name":"StatusCode","Value":"500"}],"ExtendedStatistic":"p99","Period":60,"Unit":"Count",
             "EvaluationPeriods":5,"DatapointsToAlarm":3,"Threshold":10.5,"ComparisonOperator":"GreaterThanOrEqualToThreshold",
             "TreatMissingData":"notBreaching","EvaluateLowSampleCountPercentile":"ignore","ActionsEnabled":false,
             "AlarmActions":["arn:aws:sns:ap-northeast-1:000000000000:alerts"]}
            """);

        var alarm = (await DescribeAsync("""{"AlarmNames":["Errors"]}""")).GetProperty("MetricAlarms")[0];

        Assert.Equal(
            """{"Name":"StatusCode","Value":"500"}|p99|60|Count|5|3|10.5|GreaterThanOrEqualToThreshold|notBreaching|ignore|False|Too many errors""",
            string.Join('|', alarm.GetProperty("Dimensions")[0].GetRawText(), alarm.GetProperty("ExtendedStatistic"), alarm.GetProperty("Period"),
                alarm.GetProperty("Unit"), alarm.GetProperty("EvaluationPeriods"), alarm.GetProperty("DatapointsToAlarm"), alarm.GetProperty("Threshold"),
                alarm.GetProperty("ComparisonOperator"), alarm.GetProperty("TreatMissingData"), alarm.GetProperty("EvaluateLowSampleCountPercentile"),
                alarm.GetProperty("ActionsEnabled").GetBoolean(), alarm.GetProperty("AlarmDescription")));
    }

    public static TheoryData<string, string, string> InvalidAlarms() => new()
    {
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Average","Period":300,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "MissingParameter", "EvaluationPeriods" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Average","Period":300,"EvaluationPeriods":1,"Threshold":1}""",
            "MissingParameter", "ComparisonOperator" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Average","ExtendedStatistic":"p99","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterCombination", "Statistic and ExtendedStatistic" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterCombination", "Statistic and ExtendedStatistic" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"p99","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterValue", "parameter Statistic" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","ExtendedStatistic":"tm90","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterValue", "parameter ExtendedStatistic" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":90,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterValue", "Period" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":2,"DatapointsToAlarm":3,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterValue", "DatapointsToAlarm" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":289,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterValue", "Period × EvaluationPeriods is 86700 seconds" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanUpperThreshold"}""",
            "InvalidParameterValue", "anomaly detection band" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","TreatMissingData":"zero"}""",
            "InvalidParameterValue", "TreatMissingData" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","AlarmActions":["a","b","c","d","e","f"]}""",
            "InvalidParameterValue", "AlarmActions" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","OKActions":["kessan-alerts"]}""",
            "InvalidParameterValue", "OKActions.member.1" },
        { """{"AlarmName":"A","Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","Dimensions":[{"Name":"D","Value":""}]}""",
            "InvalidParameterValue", "Dimensions.member.1.Value" },
        { """{"AlarmName":"A","Namespace":"N","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "InvalidParameterCombination", "MetricName" },
        { """{"Namespace":"N","MetricName":"M","Statistic":"Sum","Period":300,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}""",
            "MissingParameter", "AlarmName" },
    };

    [Theory]
    [MemberData(nameof(InvalidAlarms))]
    public async Task An_invalid_alarm_is_refused_naming_what_is_wrong(string request, string queryError, string named)
    {
        var reply = await _server.CallAsync("PutMetricAlarm", request);

        Assert.Equal((HttpStatusCode.BadRequest, queryError), (reply.Status, reply.QueryError));
        Assert.Contains(named, reply.Message);
    }

    [Fact]
    public async Task Putting_an_existing_alarm_replaces_its_configuration_and_keeps_its_state()
    {
        await PutAsync(Alarm);
        await CallAsync("SetAlarmState", """{"AlarmName":"Latency-High","StateValue":"ALARM","StateReason":"Testing"}""");

        await PutAsync(Alarm.Replace("\"Threshold\":1000", "\"Threshold\":2000", StringComparison.Ordinal));

        var alarm = (await DescribeAsync("""{"AlarmNames":["Latency-High"]}""")).GetProperty("MetricAlarms")[0];
        Assert.Equal(("ALARM", 2000.0), (alarm.GetProperty("StateValue").GetString(), alarm.GetProperty("Threshold").GetDouble()));
    }

    [Fact]
    public async Task Setting_the_state_of_an_unknown_alarm_is_ResourceNotFound()
    {
        var reply = await _server.CallAsync("SetAlarmState", """{"AlarmName":"Nope","StateValue":"ALARM","StateReason":"Testing"}""");

        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound"), (reply.Status, reply.QueryError));
        Assert.Equal("com.amazonaws.cloudwatch#ResourceNotFound", reply.Body.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task State_reason_data_must_be_json()
    {
        await PutAsync(Alarm);

        var reply = await _server.CallAsync("SetAlarmState", """{"AlarmName":"Latency-High","StateValue":"ALARM","StateReason":"Testing","StateReasonData":"{not json"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidFormat"), (reply.Status, reply.QueryError));
    }

    [Fact]
    public async Task Setting_a_state_changes_it_and_writes_a_state_update()
    {
        await PutAsync(Alarm);

        await CallAsync("SetAlarmState", """{"AlarmName":"Latency-High","StateValue":"ALARM","StateReason":"Testing"}""");

        var items = (await CallAsync("DescribeAlarmHistory", """{"AlarmName":"Latency-High","HistoryItemType":"StateUpdate"}""")).GetProperty("AlarmHistoryItems");
        Assert.Equal("Alarm updated from INSUFFICIENT_DATA to ALARM", items.EnumerateArray().Single().GetProperty("HistorySummary").GetString());
    }

    [Fact]
    public async Task The_next_evaluation_puts_a_set_state_back_as_the_data_says()
    {
        await PutAsync(Alarm.Replace("\"EvaluationPeriods\":3", "\"EvaluationPeriods\":1", StringComparison.Ordinal));
        await CallAsync("PutMetricData", """{"Namespace":"Kessan/Test","MetricData":[{"MetricName":"Latency","Value":200,"Timestamp":1795150200}]}""");
        await CallAsync("SetAlarmState", """{"AlarmName":"Latency-High","StateValue":"ALARM","StateReason":"Testing"}""");

        _server.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AlarmEvaluator>().Single().EvaluateAll();

        var alarm = (await DescribeAsync("""{"AlarmNames":["Latency-High"]}""")).GetProperty("MetricAlarms")[0];
        Assert.Equal(
            ("OK", "Threshold Crossed: 1 out of the last 1 datapoints [200.0 (20/11/26 04:49:00)] was not greater than the threshold (1000.0) " +
                "(minimum 1 datapoint for ALARM -> OK transition)."),
            (alarm.GetProperty("StateValue").GetString(), alarm.GetProperty("StateReason").GetString()));
    }

    [Fact]
    public async Task Alarms_are_listed_by_name_in_pages()
    {
        foreach (var name in new[] { "Page-3", "Page-0", "Page-5", "Page-1", "Page-4", "Page-2", "Page-6" })
        {
            await PutAsync(Alarm.Replace("Latency-High", name, StringComparison.Ordinal));
        }

        var pages = new List<string[]>();
        string? token = null;
        do
        {
            var page = await DescribeAsync(JsonSerializer.Serialize(new Dictionary<string, object?> { ["AlarmNamePrefix"] = "Page-", ["MaxRecords"] = 3, ["NextToken"] = token }));
            pages.Add([.. page.GetProperty("MetricAlarms").EnumerateArray().Select(a => a.GetProperty("AlarmName").GetString()!)]);
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal([["Page-0", "Page-1", "Page-2"], ["Page-3", "Page-4", "Page-5"], ["Page-6"]], pages);
    }

    [Fact]
    public async Task Alarms_are_filtered_by_state()
    {
        await PutAsync(Alarm);
        await PutAsync(Alarm.Replace("Latency-High", "Latency-Low", StringComparison.Ordinal));
        await CallAsync("SetAlarmState", """{"AlarmName":"Latency-Low","StateValue":"OK","StateReason":"Testing"}""");

        var alarms = await DescribeAsync("""{"AlarmNamePrefix":"Latency-","StateValue":"OK"}""");

        Assert.Equal(["Latency-Low"], alarms.GetProperty("MetricAlarms").EnumerateArray().Select(a => a.GetProperty("AlarmName").GetString()));
    }

    [Theory]
    [InlineData("""{"AlarmNames":["A"],"AlarmNamePrefix":"A"}""", "InvalidParameterCombination")]
    [InlineData("""{"MaxRecords":101}""", "InvalidParameterValue")]
    [InlineData("""{"StateValue":"BROKEN"}""", "InvalidParameterValue")]
    [InlineData("""{"AlarmTypes":["Alarm"]}""", "InvalidParameterValue")]
    [InlineData("""{"NextToken":"not-a-token"}""", "InvalidNextToken")]
    public async Task A_bad_description_request_is_refused(string request, string queryError)
    {
        var reply = await _server.CallAsync("DescribeAlarms", request);

        Assert.Equal((HttpStatusCode.BadRequest, queryError), (reply.Status, reply.QueryError));
    }

    [Fact]
    public async Task Asking_only_for_composite_alarms_lists_no_metric_alarms()
    {
        await PutAsync(Alarm);

        var alarms = await DescribeAsync("""{"AlarmTypes":["CompositeAlarm"]}""");

        Assert.Empty(alarms.GetProperty("MetricAlarms").EnumerateArray());
    }

    [Fact]
    public async Task History_is_paged_newest_first_by_default_and_oldest_first_when_asked()
    {
        await PutAsync(Alarm);
        foreach (var state in new[] { "ALARM", "OK", "ALARM", "OK" })
        {
            _server.Clock.Advance(TimeSpan.FromSeconds(1));
            await CallAsync("SetAlarmState", $$"""{"AlarmName":"Latency-High","StateValue":"{{state}}","StateReason":"Testing"}""");
        }

        var newestFirst = await HistorySummariesAsync("TimestampDescending");
        var oldestFirst = await HistorySummariesAsync("TimestampAscending");

        Assert.Equal(
            ["Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM", "Alarm updated from ALARM to OK",
                "Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm \"Latency-High\" created"],
            newestFirst);
        Assert.Equal(newestFirst.AsEnumerable().Reverse(), oldestFirst);
    }

    [Fact]
    public async Task History_is_filtered_by_item_type_and_dates()
    {
        await PutAsync(Alarm);
        _server.Clock.Advance(TimeSpan.FromMinutes(10));
        var from = _server.Clock.GetUtcNow().ToUnixTimeSeconds();
        await CallAsync("SetAlarmState", """{"AlarmName":"Latency-High","StateValue":"ALARM","StateReason":"Testing"}""");
        _server.Clock.Advance(TimeSpan.FromMinutes(10));
        await CallAsync("SetAlarmState", """{"AlarmName":"Latency-High","StateValue":"OK","StateReason":"Testing"}""");

        var items = (await CallAsync("DescribeAlarmHistory", $$"""{"AlarmName":"Latency-High","HistoryItemType":"StateUpdate","StartDate":{{from}},"EndDate":{{from + 60}}}"""))
            .GetProperty("AlarmHistoryItems").EnumerateArray().ToList();

        Assert.Equal(["Alarm updated from INSUFFICIENT_DATA to ALARM"], items.Select(i => i.GetProperty("HistorySummary").GetString()));
        Assert.Equal(("MetricAlarm", "StateUpdate", from), (items[0].GetProperty("AlarmType").GetString(), items[0].GetProperty("HistoryItemType").GetString(),
            items[0].GetProperty("Timestamp").GetInt64()));
    }

    [Fact]
    public async Task Deleting_alarms_passes_over_names_that_do_not_exist_and_keeps_history()
    {
        await PutAsync(Alarm);

        await CallAsync("DeleteAlarms", """{"AlarmNames":["Latency-High","Never-Existed"]}""");

        Assert.Empty((await DescribeAsync("""{"AlarmNamePrefix":"Latency-"}""")).GetProperty("MetricAlarms").EnumerateArray());
        Assert.Single((await CallAsync("DescribeAlarmHistory", """{"AlarmName":"Latency-High"}""")).GetProperty("AlarmHistoryItems").EnumerateArray());
    }

    [Fact]
    public async Task The_seed_alarms_are_there_as_soon_as_LocalCloud_has_started()
    {
        await using var server = await LocalCloudServer.StartAsync();

        var alarms = server.Services.GetRequiredService<AlarmStore>().List().Select(a => a.Definition.Name);

        Assert.Equal(
            ["Kessan-local-API-HighErrorRate", "Kessan-local-API-HighResponseTime", "Kessan-local-DB-HighConnections", "Kessan-local-ECS-HighCPU"],
            alarms);
    }

    [Fact]
    public void The_alarm_after_the_quota_is_LimitExceeded()
    {
        var store = _server.Services.GetRequiredService<AlarmStore>();
        var template = new AlarmBuilder();
        for (var i = store.List().Count; i < AlarmStore.MaxAlarms; i++)
        {
            store.Put(template.Named($"Quota-{i}").Build());
        }

        var error = Assert.Throws<Kessan.LocalCloud.Protocol.AwsServiceException>(() => store.Put(template.Named("One-Too-Many").Build()));

        Assert.Equal((400, "LimitExceeded", "com.amazonaws.cloudwatch#LimitExceededFault"), (error.StatusCode, error.QueryCode, error.Type));
    }

    private async Task<string[]> HistorySummariesAsync(string scanBy)
    {
        var summaries = new List<string>();
        string? token = null;
        do
        {
            var page = await CallAsync("DescribeAlarmHistory", JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["AlarmName"] = "Latency-High", ["ScanBy"] = scanBy, ["MaxRecords"] = 2, ["NextToken"] = token,
            }));
            summaries.AddRange(page.GetProperty("AlarmHistoryItems").EnumerateArray().Select(i => i.GetProperty("HistorySummary").GetString()!));
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        return [.. summaries];
    }

    private Task PutAsync(string request) => CallAsync("PutMetricAlarm", request);

    private Task<JsonElement> DescribeAsync(string request) => CallAsync("DescribeAlarms", request);

    private async Task<JsonElement> CallAsync(string operation, string request)
    {
        var reply = await _server.CallAsync(operation, request);
        Assert.True(reply.Status == HttpStatusCode.OK, $"{operation} answered {reply.Status}: {reply.Body}");
        return reply.Body;
    }
}
