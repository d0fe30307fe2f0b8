using System.Globalization;
using System.Security.Cryptography;

namespace Kessan.LocalCloud.Sns;

/// <summary>LocalCloud's minimal SNS: HTTP/S subscriptions to topics and publishing to them. A subscription is
/// pending until its endpoint confirms; a message published to a topic goes to each confirmed subscription.</summary>
public sealed partial class SnsTopics(SnsDeliveryQueue queue, SnsSigner signer, SnsUrls urls, TimeProvider clock, ILogger<SnsTopics> logger)
{
    private readonly Lock _gate = new();
    private readonly List<SnsSubscription> _subscriptions = [];

    /// <summary>Subscribes <paramref name="endpoint"/> to <paramref name="topicArn"/> and sends it a
    /// SubscriptionConfirmation. Subscribing again returns the same subscription; a pending one gets its
    /// confirmation again.</summary>
    /// <returns>The subscription and whether it is new.</returns>
    public (SnsSubscription Subscription, bool Created) Subscribe(string topicArn, Uri endpoint)
    {
        SnsSubscription subscription;
        bool created;
        lock (_gate)
        {
            var existing = _subscriptions.Find(s => s.TopicArn == topicArn && s.Endpoint == endpoint);
            created = existing is null;
            subscription = existing ?? new SnsSubscription($"{topicArn}:{Guid.NewGuid()}", topicArn, endpoint,
                RandomNumberGenerator.GetHexString(128, lowercase: true));
            if (created)
            {
                _subscriptions.Add(subscription);
            }
        }

        if (!subscription.Confirmed)
        {
            LogConfirmationSent(subscription.Arn, endpoint.Host);
            _ = queue.Enqueue(subscription, signer.Sign(new SnsMessage
            {
                Type = SnsMessage.SubscriptionConfirmation,
                MessageId = Guid.NewGuid().ToString(),
                Token = subscription.Token,
                TopicArn = topicArn,
                Message = $"You have chosen to subscribe to the topic {topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
                SubscribeUrl = urls.Subscribe(topicArn, subscription.Token),
                Timestamp = Timestamp(),
                SignatureVersion = signer.SignatureVersion,
                SigningCertUrl = urls.SigningCert,
            }));
        }

        return (subscription, created);
    }

    /// <summary>Confirms the subscription the token was sent to; confirming twice is harmless, as in SNS.</summary>
    /// <returns>The subscription; null when no subscription to the topic has that token.</returns>
    public SnsSubscription? Confirm(string topicArn, string token)
    {
        SnsSubscription? subscription;
        lock (_gate)
        {
            subscription = _subscriptions.Find(s => s.TopicArn == topicArn && s.Token == token);
        }

        if (subscription is { Confirmed: false })
        {
            subscription.Confirmed = true;
            LogConfirmed(subscription.Arn);
        }

        return subscription;
    }

    public bool Unsubscribe(string subscriptionArn)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Arn == subscriptionArn) > 0;
        }
    }

    /// <summary>Publishes to every confirmed subscription of the topic without waiting for the deliveries.</summary>
    public SnsPublication Publish(string topicArn, string? subject, string message)
    {
        List<SnsSubscription> confirmed;
        lock (_gate)
        {
            confirmed = _subscriptions.FindAll(s => s.TopicArn == topicArn && s.Confirmed);
        }

        // The signature does not cover UnsubscribeURL, so one signature serves every subscription.
        var signed = signer.Sign(new SnsMessage
        {
            Type = SnsMessage.Notification,
            MessageId = Guid.NewGuid().ToString(),
            TopicArn = topicArn,
            Subject = subject,
            Message = message,
            Timestamp = Timestamp(),
            SignatureVersion = signer.SignatureVersion,
            SigningCertUrl = urls.SigningCert,
        });
        var deliveries = confirmed.Select(s => queue.Enqueue(s, signed with { UnsubscribeUrl = urls.Unsubscribe(s.Arn) })).ToList();
        return new SnsPublication(signed.MessageId, WhenAll(deliveries));
    }

    private static async Task<IReadOnlyList<SnsDeliveryResult>> WhenAll(List<Task<SnsDeliveryResult>> deliveries) =>
        await Task.WhenAll(deliveries);

    private string Timestamp() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "SNS subscription {SubscriptionArn} (endpoint host {EndpointHost}) is pending; SubscriptionConfirmation sent")]
    private partial void LogConfirmationSent(string subscriptionArn, string endpointHost);

    [LoggerMessage(Level = LogLevel.Information, Message = "SNS subscription {SubscriptionArn} confirmed")]
    private partial void LogConfirmed(string subscriptionArn);
}
