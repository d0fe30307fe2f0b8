using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.LocalCloud.Receivers;

namespace Kessan.Console.Features.LocalMode;

/// <summary>Local mode's default channels when none are configured: local-slack, local-pagerduty and local-email,
/// pointing at LocalCloud's offline receivers, so "Send test" works on a fresh machine. Their routing is the seed's.</summary>
public sealed class LocalReceiverChannels(EmbeddedLocalCloud localCloud) : IDefaultChannels
{
    public const string RoutingKey = "local0routing0key0000000000000000";

    public IReadOnlyDictionary<string, ChannelSettings> Channels() => new Dictionary<string, ChannelSettings>
    {
        ["local-slack"] = new()
        {
            Type = "slack",
            WebhookUrl = new Uri(localCloud.Address, $"{ReceiverEndpoints.SlackPath}/T0LOCAL/B0LOCAL/kessan-alerts").AbsoluteUri,
        },
        ["local-pagerduty"] = new()
        {
            Type = "pagerduty",
            RoutingKey = RoutingKey,
            EventsUrl = new Uri(localCloud.Address, ReceiverEndpoints.PagerDutyPath).AbsoluteUri,
        },
        ["local-email"] = new()
        {
            Type = "email",
            Host = "127.0.0.1",
            Port = localCloud.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Security = "none",
            From = "kessan-console@localhost",
            To = "oncall@localhost",
        },
    };
}
