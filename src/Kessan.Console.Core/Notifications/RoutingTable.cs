using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>Which channels an alert of a given severity goes to: each channel's <see cref="ChannelDefinition.Severities"/>
/// (by default the seed's: Slack high and critical, PagerDuty critical only, email everything).</summary>
public sealed class RoutingTable(IEnumerable<ChannelDefinition> channels)
{
    private readonly IReadOnlyList<ChannelDefinition> _channels = [.. channels];

    /// <summary>The channels routed <paramref name="severity"/>, misconfigured ones included (they record why nothing
    /// was sent), in configuration order.</summary>
    public IReadOnlyList<ChannelDefinition> ChannelsFor(AlertSeverity severity) =>
        [.. _channels.Where(channel => channel.Severities.Contains(severity))];
}
