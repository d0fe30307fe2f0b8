using System.Net;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Tests.Integration;

[Collection(AlertConsoleCollection.Name)]
public sealed class SnsEndpointTests(AlertConsole console)
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task A_signed_alarm_notification_opens_an_alert(string signatureVersion)
    {
        var alarm = $"Kessan-prod-API-HighErrorRate-v{signatureVersion}";

        using var response = await PostAsync(console.Sns.AlarmNotification(alarm, "ALARM", ChangedAt, signatureVersion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = Assert.Single(await Active(alarm));
        Assert.Equal((AlertSource.Alarm, ChangedAt), (alert.Source, alert.TriggeredAt));
    }

    [Fact]
    public async Task The_OK_notification_resolves_the_alert()
    {
        const string alarm = "Kessan-prod-DB-HighConnections-sns";
        await PostAsync(console.Sns.AlarmNotification(alarm, "ALARM", ChangedAt));

        using var response = await PostAsync(console.Sns.AlarmNotification(alarm, "OK", ChangedAt.AddMinutes(4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await Active(alarm));
    }

    [Fact]
    public async Task A_tampered_message_is_refused()
    {
        var message = console.Sns.AlarmNotification("Kessan-prod-tampered", "ALARM", ChangedAt);
        message["Message"] = message["Message"].Replace("Kessan-prod-tampered", "Kessan-prod-forged", StringComparison.Ordinal);

        using var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await Active("Kessan-prod-forged"));
    }

    [Fact]
    public async Task A_certificate_on_another_host_is_refused_without_being_fetched()
    {
        var message = console.Sns.AlarmNotification("Kessan-prod-wrong-host", "ALARM", ChangedAt);
        message["SigningCertURL"] = "https://sns.ap-northeast-1.amazonaws.com.attacker.example/cert.pem";
        console.Sns.Sign(message);

        using var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(console.Sns.Requests, uri => uri.Host.Contains("attacker", StringComparison.Ordinal));
        Assert.Empty(await Active("Kessan-prod-wrong-host"));
    }

    [Fact]
    public async Task An_unsigned_message_is_refused()
    {
        var message = console.Sns.AlarmNotification("Kessan-prod-unsigned", "ALARM", ChangedAt);
        message.Remove("Signature");
        message.Remove("SignatureVersion");

        using var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await Active("Kessan-prod-unsigned"));
    }

    [Fact]
    public async Task A_message_from_a_topic_not_configured_is_refused_even_when_signed()
    {
        var message = console.Sns.AlarmNotification("Kessan-prod-other-topic", "ALARM", ChangedAt);
        message["TopicArn"] = "arn:aws:sns:ap-northeast-1:999999999999:someone-elses-topic";
        console.Sns.Sign(message);

        using var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await Active("Kessan-prod-other-topic"));
    }

    [Fact]
    public async Task A_subscription_confirmation_is_followed()
    {
        const string subscribeUrl = "https://sns.ap-northeast-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=kessan&Token=2336412f37";

        using var response = await PostAsync(console.Sns.SubscriptionConfirmation(subscribeUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(new Uri(subscribeUrl), console.Sns.Requests);
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> message) =>
        await console.CreateClient().PostAsync("/api/sns", Integration.SnsPeer.Body(message));

    private Task<IReadOnlyList<Alert>> Active(string alarmName) =>
        console.Store.ListActiveAsync(new AlertFilter { Text = alarmName }, CancellationToken.None);
}
