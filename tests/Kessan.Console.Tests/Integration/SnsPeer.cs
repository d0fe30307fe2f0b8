using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Kessan.Console.Tests.Integration;

/// <summary>Plays Amazon SNS for the console: signs messages with its own certificate (SignatureVersion 1 or 2, as
/// the SNS documentation describes), serves that certificate at any .pem URL, and records subscription
/// confirmations. <see cref="CreateHandler"/> replaces the console's outgoing "sns" HTTP client.</summary>
public sealed class SnsPeer : IDisposable
{
    public const string TopicArn = "arn:aws:sns:ap-northeast-1:123456789012:kessan-prod-alerts";
    public const string CertificateUrl = "https://sns.ap-northeast-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _certificatePem;

    public SnsPeer()
    {
        var request = new CertificateRequest("CN=sns.amazonaws.com", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _certificatePem = certificate.ExportCertificatePem();
    }

    public HttpMessageHandler CreateHandler() => new Responder(this);

    /// <summary>Every URL the console fetched (certificates and SubscribeURLs).</summary>
    public ConcurrentQueue<Uri> Requests { get; } = new();

    /// <summary>A CloudWatch alarm notification as SNS posts it, signed.</summary>
    public Dictionary<string, string> AlarmNotification(string alarmName, string newState, DateTimeOffset changedAt, string version = "2")
    {
        var alarm = JsonSerializer.Serialize(new
        {
            AlarmName = alarmName,
            NewStateValue = newState,
            OldStateValue = newState == "ALARM" ? "OK" : "ALARM",
            NewStateReason = "Threshold Crossed: 1 datapoint [7.5] was greater than the threshold (5.0).",
            StateChangeTime = changedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", System.Globalization.CultureInfo.InvariantCulture),
            Region = "Asia Pacific (Tokyo)",
            AlarmArn = $"arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:{alarmName}",
            Trigger = new { MetricName = "5XXError", Namespace = "Kessan/API", Threshold = 5.0 },
        });
        return Sign(new Dictionary<string, string>
        {
            ["Type"] = "Notification",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["TopicArn"] = TopicArn,
            ["Subject"] = $"ALARM: \"{alarmName}\" in Asia Pacific (Tokyo)",
            ["Message"] = alarm,
            ["Timestamp"] = "2026-11-20T05:00:01.000Z",
            ["SignatureVersion"] = version,
            ["SigningCertURL"] = CertificateUrl,
        });
    }

    public Dictionary<string, string> SubscriptionConfirmation(string subscribeUrl) => Sign(new Dictionary<string, string>
    {
        ["Type"] = "SubscriptionConfirmation",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["Token"] = "2336412f37fb687f5d51e6e2425c464de",
        ["TopicArn"] = TopicArn,
        ["Message"] = $"You have chosen to subscribe to the topic {TopicArn}.",
        ["SubscribeURL"] = subscribeUrl,
        ["Timestamp"] = "2026-11-20T05:00:00.000Z",
        ["SignatureVersion"] = "1",
        ["SigningCertURL"] = CertificateUrl,
    });

    /// <summary>Signs <paramref name="message"/> as it stands (change SigningCertURL or the topic before, not after).</summary>
    public Dictionary<string, string> Sign(Dictionary<string, string> message)
    {
        // The SNS documentation's order of signed keys; Subject only for notifications that have one.
        string[] signed = message["Type"] == "Notification"
            ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
            : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
        var text = string.Concat(signed.Where(message.ContainsKey).Select(key => $"{key}\n{message[key]}\n"));
        var hash = message["SignatureVersion"] == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        message["Signature"] = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), hash, RSASignaturePadding.Pkcs1));
        return message;
    }

    /// <summary>SNS posts JSON labelled text/plain.</summary>
    public static StringContent Body(Dictionary<string, string> message) =>
        new(JsonSerializer.Serialize(message), Encoding.UTF8, "text/plain");

    public void Dispose()
    {
        _key.Dispose();
    }

    private sealed class Responder(SnsPeer peer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            peer.Requests.Enqueue(request.RequestUri!);
            var body = request.RequestUri!.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal)
                ? peer._certificatePem
                : "<ConfirmSubscriptionResponse/>";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }
}
