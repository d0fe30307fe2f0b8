using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Kessan.LocalCloud.Alarms;
using Kessan.LocalCloud.Sns;
using Kessan.LocalCloud.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kessan.LocalCloud.Tests.Sns;

/// <summary>Alarm notifications as an HTTP/S endpoint subscribed to Amazon SNS sees them.</summary>
public sealed class SnsDeliveryTests
{
    [Fact]
    public async Task A_new_subscription_first_receives_a_subscription_confirmation()
    {
        await using var scenario = await SnsScenario.StartAsync();

        var confirmation = await scenario.SubscribeAsync();

        Assert.Equal(
            ("SubscriptionConfirmation", "SubscriptionConfirmation", SnsScenario.TopicArn, SnsScenario.TopicArn, "text/plain; charset=UTF-8"),
            (confirmation.Type, confirmation.Headers["x-amz-sns-message-type"], confirmation.Headers["x-amz-sns-topic-arn"], confirmation["TopicArn"],
                confirmation.Headers["content-type"]));
        Assert.Equal(confirmation["MessageId"], confirmation.Headers["x-amz-sns-message-id"]);
        Assert.Equal(
            $"You have chosen to subscribe to the topic {SnsScenario.TopicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
            confirmation["Message"]);
        Assert.Equal(
            ["Type", "MessageId", "Token", "TopicArn", "Message", "SubscribeURL", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL"],
            confirmation.Json.EnumerateObject().Select(p => p.Name));
        Assert.False(confirmation.Headers.ContainsKey("x-amz-sns-subscription-arn"));
    }

    [Fact]
    public async Task Visiting_the_subscribe_url_confirms_the_subscription_as_SNS_answers_it()
    {
        await using var scenario = await SnsScenario.StartAsync();
        var confirmation = await scenario.SubscribeAsync();

        var answer = await scenario.ConfirmAsync(confirmation);

        Assert.Matches(
            """^<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">\s*<ConfirmSubscriptionResult>\s*""" +
            """<SubscriptionArn>arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts:[0-9a-f-]{36}</SubscriptionArn>\s*</ConfirmSubscriptionResult>\s*""" +
            """<ResponseMetadata>\s*<RequestId>[0-9a-f-]{36}</RequestId>\s*</ResponseMetadata>\s*</ConfirmSubscriptionResponse>$""",
            answer);
    }

    [Fact]
    public async Task A_wrong_token_does_not_confirm()
    {
        await using var scenario = await SnsScenario.StartAsync();
        await scenario.SubscribeAsync();

        using var response = await scenario.Server.Client.GetAsync(
            $"/_localcloud/sns/confirm?Action=ConfirmSubscription&TopicArn={Uri.EscapeDataString(SnsScenario.TopicArn)}&Token=forged");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidParameter</Code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pending_subscription_is_not_notified()
    {
        await using var scenario = await SnsScenario.StartAsync();
        var confirmation = await scenario.SubscribeAsync();
        await scenario.SetStateAsync("ALARM");

        await scenario.ConfirmAsync(confirmation);
        await scenario.SetStateAsync("OK");

        var first = await scenario.Receiver.NextAsync();
        Assert.Equal(("Notification", "OK: \"Latency-High\" in Asia Pacific (Tokyo)"), (first.Type, first["Subject"]));
    }

    [Fact]
    public async Task An_alarm_state_change_arrives_as_a_notification_carrying_the_alarm()
    {
        await using var scenario = await SnsScenario.StartAsync();
        await scenario.SubscribeAndConfirmAsync();

        await scenario.SetStateAsync("ALARM");

        var notification = await scenario.Receiver.NextAsync();
        Assert.Equal(
            ("Notification", SnsScenario.TopicArn, "ALARM: \"Latency-High\" in Asia Pacific (Tokyo)"),
            (notification.Headers["x-amz-sns-message-type"], notification.Headers["x-amz-sns-topic-arn"], notification["Subject"]));
        Assert.StartsWith(SnsScenario.TopicArn + ":", notification.Headers["x-amz-sns-subscription-arn"]);
        Assert.Equal(
            ["Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL"],
            notification.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            JsonText(
                """
                {"AlarmName":"Latency-High","AlarmDescription":"Latency is high","AWSAccountId":"000000000000",
                "AlarmConfigurationUpdatedTimestamp":"2026-11-20T05:00:00.000+0000","NewStateValue":"ALARM",
                "NewStateReason":"Testing the ALARM notification","StateChangeTime":"2026-11-20T05:00:00.000+0000",
                "Region":"Asia Pacific (Tokyo)","AlarmArn":"arn:aws:cloudwatch:ap-northeast-1:000000000000:alarm:Latency-High",
                "OldStateValue":"INSUFFICIENT_DATA","OKActions":["arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts"],
                "AlarmActions":["arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts"],"InsufficientDataActions":[],
                "Trigger":{"MetricName":"Latency","Namespace":"Kessan/Test","StatisticType":"Statistic","Statistic":"AVERAGE","Unit":null,
                "Dimensions":[],"Period":300,"EvaluationPeriods":1,"DatapointsToAlarm":1,"ComparisonOperator":"GreaterThanThreshold",
                "Threshold":1000.0,"TreatMissingData":"","EvaluateLowSampleCountPercentile":""}}
                """),
            notification["Message"]);
    }

    [Fact]
    public async Task An_evaluation_that_crosses_the_threshold_notifies_with_its_reason()
    {
        await using var scenario = await SnsScenario.StartAsync();
        await scenario.SubscribeAndConfirmAsync();
        await scenario.CallAsync("PutMetricData", """{"Namespace":"Kessan/Test","MetricData":[{"MetricName":"Latency","Value":1500,"Timestamp":1795150200}]}""");

        scenario.Server.Services.GetServices<IHostedService>().OfType<AlarmEvaluator>().Single().EvaluateAll();

        var message = JsonDocument.Parse((await scenario.Receiver.NextAsync())["Message"]).RootElement;
        Assert.Equal(
            ("ALARM", "Threshold Crossed: 1 out of the last 1 datapoints [1500.0 (20/11/26 04:49:00)] was greater than the threshold (1000.0) " +
                "(minimum 1 datapoint for INSUFFICIENT_DATA -> ALARM transition)."),
            (message.GetProperty("NewStateValue").GetString(), message.GetProperty("NewStateReason").GetString()));
    }

    [Fact]
    public async Task The_notification_state_change_time_is_the_history_timestamp_of_the_change()
    {
        await using var scenario = await SnsScenario.StartAsync();
        await scenario.SubscribeAndConfirmAsync();
        scenario.Server.Clock.Advance(TimeSpan.FromMilliseconds(1234.5));

        await scenario.SetStateAsync("ALARM");

        var notification = await scenario.Receiver.NextAsync();
        var stateChangeTime = JsonDocument.Parse(notification["Message"]).RootElement.GetProperty("StateChangeTime").GetString()!;
        var historyTimestamp = (await scenario.HistoryAsync("StateUpdate"))[0].GetProperty("Timestamp").GetDouble();
        Assert.Equal(
            DateTimeOffset.ParseExact(stateChangeTime, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(historyTimestamp * 1000)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Messages_verify_against_the_served_certificate(int signatureVersion)
    {
        await using var scenario = await SnsScenario.StartAsync(signatureVersion);
        var confirmation = await scenario.SubscribeAsync();
        await scenario.ConfirmAsync(confirmation);
        await scenario.SetStateAsync("ALARM");
        var notification = await scenario.Receiver.NextAsync();

        using var certificate = X509Certificate2.CreateFromPem(await scenario.Server.Client.GetStringAsync(notification["SigningCertURL"]));
        using var key = certificate.GetRSAPublicKey()!;
        var hash = signatureVersion == 1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;

        Assert.Equal((signatureVersion.ToString(), signatureVersion.ToString()), (confirmation["SignatureVersion"], notification["SignatureVersion"]));
        Assert.True(key.VerifyData(StringToSign(confirmation, "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
            Convert.FromBase64String(confirmation["Signature"]), hash, RSASignaturePadding.Pkcs1), "the confirmation's signature");
        Assert.True(key.VerifyData(StringToSign(notification, "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
            Convert.FromBase64String(notification["Signature"]), hash, RSASignaturePadding.Pkcs1), "the notification's signature");
    }

    [Fact]
    public async Task A_tampered_message_does_not_verify()
    {
        await using var scenario = await SnsScenario.StartAsync();
        var confirmation = await scenario.SubscribeAsync();
        using var certificate = X509Certificate2.CreateFromPem(await scenario.Server.Client.GetStringAsync(confirmation["SigningCertURL"]));
        using var key = certificate.GetRSAPublicKey()!;

        var tampered = StringToSign(confirmation, "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type")
            .Concat(Encoding.UTF8.GetBytes("x")).ToArray();

        Assert.False(key.VerifyData(tampered, Convert.FromBase64String(confirmation["Signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_until_it_accepts_and_the_action_succeeds()
    {
        await using var scenario = await SnsScenario.StartAsync(receiverStatuses: [200, 500, 503]);
        await scenario.SubscribeAndConfirmAsync();

        await scenario.SetStateAsync("ALARM");

        var attempts = new List<ReceivedSnsMessage>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await scenario.Receiver.NextAsync(() => scenario.Server.Clock.Advance(SnsDeliveryWorker.RetryDelay)));
        }

        Assert.Single(attempts.Select(a => a["MessageId"]).Distinct());
        var action = await scenario.ActionItemAsync();
        Assert.Equal($"Successfully executed action {SnsScenario.TopicArn}", action.GetProperty("HistorySummary").GetString());
        var data = JsonDocument.Parse(action.GetProperty("HistoryData").GetString()!).RootElement;
        Assert.Equal(("Succeeded", 3, 200), (data.GetProperty("actionState").GetString(), data.GetProperty("deliveries")[0].GetProperty("attempts").GetInt32(),
            data.GetProperty("deliveries")[0].GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_gets_three_retries_and_the_action_fails()
    {
        await using var scenario = await SnsScenario.StartAsync(receiverStatuses: [200, 500, 500, 500, 500]);
        await scenario.SubscribeAndConfirmAsync();

        await scenario.SetStateAsync("ALARM");
        for (var i = 0; i < 1 + SnsDeliveryWorker.Retries; i++)
        {
            await scenario.Receiver.NextAsync(() => scenario.Server.Clock.Advance(SnsDeliveryWorker.RetryDelay));
        }

        var action = await scenario.ActionItemAsync();
        Assert.Equal($"Failed to execute action {SnsScenario.TopicArn}", action.GetProperty("HistorySummary").GetString());
        var data = JsonDocument.Parse(action.GetProperty("HistoryData").GetString()!).RootElement;
        Assert.Equal(("Failed", 4), (data.GetProperty("actionState").GetString(), data.GetProperty("deliveries")[0].GetProperty("attempts").GetInt32()));
        Assert.Contains("the endpoint answered HTTP 500 after 4 attempt(s)", data.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_endpoint_that_refuses_with_a_client_error_is_not_retried()
    {
        await using var scenario = await SnsScenario.StartAsync(receiverStatuses: [200, 403]);
        await scenario.SubscribeAndConfirmAsync();

        await scenario.SetStateAsync("ALARM");

        var action = await scenario.ActionItemAsync();
        var data = JsonDocument.Parse(action.GetProperty("HistoryData").GetString()!).RootElement;
        Assert.Equal(("Failed", 1, 403), (data.GetProperty("actionState").GetString(), data.GetProperty("deliveries")[0].GetProperty("attempts").GetInt32(),
            data.GetProperty("deliveries")[0].GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task A_topic_without_subscribers_is_still_a_successful_action()
    {
        await using var scenario = await SnsScenario.StartAsync();

        await scenario.SetStateAsync("ALARM");

        Assert.Equal($"Successfully executed action {SnsScenario.TopicArn}", (await scenario.ActionItemAsync()).GetProperty("HistorySummary").GetString());
    }

    [Fact]
    public async Task An_unsubscribed_endpoint_is_no_longer_notified()
    {
        await using var scenario = await SnsScenario.StartAsync();
        await scenario.SubscribeAndConfirmAsync();
        await scenario.SetStateAsync("ALARM");
        var notification = await scenario.Receiver.NextAsync();

        using var response = await scenario.Server.Client.GetAsync(notification["UnsubscribeURL"]);
        await scenario.SetStateAsync("OK");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = (await scenario.HistoryAsync("Action")).Last(i => i.GetProperty("HistoryData").GetString()!.Contains("\"deliveries\":[]", StringComparison.Ordinal));
        Assert.Equal($"Successfully executed action {SnsScenario.TopicArn}", action.GetProperty("HistorySummary").GetString());
    }

    [Theory]
    [InlineData("""{"topicArn":"kessan-local-alerts","endpoint":"http://127.0.0.1:9/sns"}""", "topicArn")]
    [InlineData("""{"topicArn":"arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts","endpoint":"ftp://127.0.0.1/sns"}""", "endpoint")]
    [InlineData("""{"topicArn":"arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts"}""", "endpoint")]
    [InlineData("""[]""", "JSON object")]
    public async Task A_subscription_request_names_what_is_wrong(string body, string named)
    {
        await using var server = await LocalCloudServer.StartAsync();

        using var response = await server.Client.PostAsync("/_localcloud/sns/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_configured_subscription_is_sent_its_confirmation_at_start()
    {
        await using var receiver = await SnsReceiver.StartAsync();
        await using var server = await LocalCloudServer.StartAsync(settings:
        [
            ("LocalCloud:Sns:Subscriptions:0:TopicArn", SnsScenario.TopicArn),
            ("LocalCloud:Sns:Subscriptions:0:Endpoint", receiver.Endpoint.ToString()),
        ]);

        var confirmation = await receiver.NextAsync();

        Assert.Equal(("SubscriptionConfirmation", SnsScenario.TopicArn), (confirmation.Type, confirmation["TopicArn"]));
        Assert.StartsWith(server.Address.GetLeftPart(UriPartial.Authority) + "/_localcloud/sns/confirm?", confirmation["SubscribeURL"]);
    }

    [Fact]
    public async Task A_misconfigured_subscription_stops_LocalCloud_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => LocalCloudServer.StartAsync(settings:
        [
            ("LocalCloud:Sns:Subscriptions:0:TopicArn", SnsScenario.TopicArn),
            ("LocalCloud:Sns:Subscriptions:0:Endpoint", "not a url"),
        ]));

        Assert.Contains("LocalCloud:Sns:Subscriptions:0:Endpoint must be an absolute http:// or https:// URL.", error.Message);
    }

    private static byte[] StringToSign(ReceivedSnsMessage message, params string[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (message.Json.TryGetProperty(field, out var value))
            {
                text.Append(field).Append('\n').Append(value.GetString()).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string JsonText(string lines) => Alarms.JsonText.Joined(lines);
}
