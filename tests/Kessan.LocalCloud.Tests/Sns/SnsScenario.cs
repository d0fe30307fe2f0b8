using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kessan.LocalCloud.Tests.Protocol;

namespace Kessan.LocalCloud.Tests.Sns;

/// <summary>LocalCloud and an HTTP endpoint subscribed to the alerts topic, with an alarm that notifies the topic.</summary>
internal sealed class SnsScenario : IAsyncDisposable
{
    public const string TopicArn = "arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts";
    public const string AlarmName = "Latency-High";

    private SnsScenario(LocalCloudServer server, SnsReceiver receiver)
    {
        Server = server;
        Receiver = receiver;
    }

    public LocalCloudServer Server { get; }

    public SnsReceiver Receiver { get; }

    /// <param name="receiverStatuses">What the endpoint answers, in order, before it answers 200.</param>
    public static async Task<SnsScenario> StartAsync(int signatureVersion = 2, params int[] receiverStatuses)
    {
        var server = await LocalCloudServer.StartAsync(settings: ("LocalCloud:Sns:SignatureVersion", signatureVersion.ToString()));
        var receiver = await SnsReceiver.StartAsync(receiverStatuses);
        var scenario = new SnsScenario(server, receiver);
        await scenario.CallAsync("PutMetricAlarm", $$"""
            {"AlarmName":"{{AlarmName}}","Namespace":"Kessan/Test","MetricName":"Latency","Statistic":"Average","Period":300,
             "EvaluationPeriods":1,"Threshold":1000,"ComparisonOperator":"GreaterThanThreshold","AlarmDescription":"Latency is high",
             "AlarmActions":["{{TopicArn}}"],"OKActions":["{{TopicArn}}"]}
            """);
        return scenario;
    }

    /// <summary>Subscribes the endpoint; returns the SubscriptionConfirmation it receives.</summary>
    public async Task<ReceivedSnsMessage> SubscribeAsync()
    {
        using var response = await Server.Client.PostAsJsonAsync("/_localcloud/sns/subscriptions", new { topicArn = TopicArn, endpoint = Receiver.Endpoint });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Receiver.NextAsync();
    }

    /// <summary>Visits the confirmation's SubscribeURL as an endpoint does; returns the XML answer.</summary>
    public async Task<string> ConfirmAsync(ReceivedSnsMessage confirmation)
    {
        using var response = await Server.Client.GetAsync(confirmation["SubscribeURL"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task SubscribeAndConfirmAsync() => await ConfirmAsync(await SubscribeAsync());

    public Task SetStateAsync(string state) =>
        CallAsync("SetAlarmState", $$"""{"AlarmName":"{{AlarmName}}","StateValue":"{{state}}","StateReason":"Testing the {{state}} notification"}""");

    /// <summary>The alarm's history items of one type, newest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> HistoryAsync(string itemType) =>
        [.. (await CallAsync("DescribeAlarmHistory", $$"""{"AlarmName":"{{AlarmName}}","HistoryItemType":"{{itemType}}"}"""))
            .GetProperty("AlarmHistoryItems").EnumerateArray()];

    /// <summary>Waits up to ten seconds for the first Action history item, which is written once deliveries finish.</summary>
    public async Task<JsonElement> ActionItemAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var items = await HistoryAsync("Action");
            if (items.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(items);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async Task<JsonElement> CallAsync(string operation, string request)
    {
        var reply = await Server.CallAsync(operation, request);
        Assert.True(reply.Status == HttpStatusCode.OK, $"{operation} answered {reply.Status}: {reply.Body}");
        return reply.Body;
    }

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Server.DisposeAsync();
    }
}
