using System.ComponentModel.DataAnnotations;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications;

/// <summary>Notification settings, section <c>Notifications</c>. Channels are checked one by one at start
/// (<see cref="ChannelDefinition.Read"/>): a bad channel is shown as misconfigured and the console still starts;
/// the other settings here must be right or the console refuses to start.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Channels by name: <c>Notifications:Channels:ops-slack:Type=slack</c>, <c>…:WebhookUrl=…</c>.
    /// Secrets belong in environment variables (<c>Notifications__Channels__ops-slack__WebhookUrl</c>) or user secrets.</summary>
    public Dictionary<string, ChannelSettings> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Send the CloudWatch-alarm alerts the console opens through the routing rules. Off for teams whose
    /// SNS topics already reach Slack or PagerDuty.</summary>
    public bool RouteAlarmAlerts { get; set; } = true;

    /// <summary>Send the backend's application alerts too. Off by default: the backend's AlertManager already sends
    /// each of them to Slack and PagerDuty itself, so routing them here would notify everyone twice.</summary>
    public bool RouteApplicationAlerts { get; set; }

    /// <summary>Messages waiting per channel; past this a channel that cannot keep up drops new ones (recorded as
    /// failed) instead of holding up alert handling.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>Attempts per message, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; doubled after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts, a provider's Retry-After included (a longer one is not waited for).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public RetryPolicy RetryPolicy => new(MaxAttempts, RetryBaseDelay, MaxRetryDelay);
}
