namespace Kessan.Console.Core.Notifications;

/// <summary>What a notification does to the incident it is about: PagerDuty's event actions. Slack and email are
/// only ever told about a trigger.</summary>
public enum NotificationAction
{
    Trigger,
    Acknowledge,
    Resolve,
}
