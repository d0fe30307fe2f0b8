namespace Kessan.LocalCloud.Sns;

/// <summary>An HTTP/S endpoint subscribed to a topic. It receives notifications only once it has confirmed by
/// visiting the SubscribeURL of its SubscriptionConfirmation.</summary>
public sealed class SnsSubscription(string arn, string topicArn, Uri endpoint, string token)
{
    private volatile bool _confirmed;

    public string Arn { get; } = arn;

    public string TopicArn { get; } = topicArn;

    public Uri Endpoint { get; } = endpoint;

    public string Token { get; } = token;

    public bool Confirmed
    {
        get => _confirmed;
        set => _confirmed = value;
    }
}
