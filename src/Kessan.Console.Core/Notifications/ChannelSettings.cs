namespace Kessan.Console.Core.Notifications;

/// <summary>One channel's settings exactly as configured (<c>Notifications:Channels:&lt;name&gt;:…</c>), all text, so a
/// wrong value makes that channel misconfigured instead of stopping the console. <see cref="ChannelDefinition.Read"/>
/// checks them.</summary>
public sealed class ChannelSettings
{
    /// <summary>slack | pagerduty | email.</summary>
    public string? Type { get; set; }

    /// <summary>Slack: the incoming webhook URL (a secret).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>PagerDuty: the integration's routing key (a secret).</summary>
    public string? RoutingKey { get; set; }

    /// <summary>PagerDuty: where events go; default PagerDuty's own.</summary>
    public string? EventsUrl { get; set; }

    public string? Host { get; set; }
    public string? Port { get; set; }

    /// <summary>Email: None | StartTls | Tls (default StartTls).</summary>
    public string? Security { get; set; }

    public string? Username { get; set; }

    /// <summary>Email: the SMTP password (a secret).</summary>
    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>Email: recipients, comma-separated.</summary>
    public string? To { get; set; }

    /// <summary>Severities routed to this channel, comma-separated (low, medium, high, critical); default the seed's:
    /// Slack high and critical, PagerDuty critical, email every severity.</summary>
    public string? Severities { get; set; }
}
