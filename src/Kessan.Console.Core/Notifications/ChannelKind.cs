namespace Kessan.Console.Core.Notifications;

/// <summary>The kinds of notification channel: <c>Notifications:Channels:&lt;name&gt;:Type</c> = slack | pagerduty | email.</summary>
public enum ChannelKind
{
    Slack,
    PagerDuty,
    Email,
}
