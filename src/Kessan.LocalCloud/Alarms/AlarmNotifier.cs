using Kessan.LocalCloud.Sns;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Alarms;

/// <summary>Executes an alarm's actions for a state change: publishes CloudWatch's alarm message to each SNS topic
/// the alarm names for its new state, and writes an Action history item once the topic's deliveries are done.
/// Publishing only queues deliveries, so an evaluation never waits for an endpoint.</summary>
public sealed partial class AlarmNotifier(AlarmStore store, SnsTopics topics, IOptions<LocalCloudOptions> options, ILogger<AlarmNotifier> logger)
{
    public void Notify(AlarmTransition transition)
    {
        var definition = transition.Alarm.Definition;
        var actions = definition.ActionsFor(transition.New.Value);
        if (!definition.ActionsEnabled || actions.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        var subject = AlarmNotificationMessage.Subject(transition, settings.Region);
        var message = AlarmNotificationMessage.Body(transition, settings.Region, settings.AccountId);
        foreach (var action in actions)
        {
            if (!SnsArns.IsTopic(action))
            {
                RecordAction(definition.Name, transition.At, action, null, [], "LocalCloud executes SNS topic actions only.");
                continue;
            }

            var publication = topics.Publish(action, subject, message);
            _ = RecordWhenDeliveredAsync(definition.Name, transition.At, action, publication);
        }
    }

    private async Task RecordWhenDeliveredAsync(string alarmName, DateTimeOffset stateChangedAt, string topicArn, SnsPublication publication)
    {
        try
        {
            var deliveries = await publication.Delivered;
            var failed = deliveries.Where(d => !d.Succeeded).ToList();
            RecordAction(alarmName, stateChangedAt, topicArn, publication.MessageId, deliveries, failed.Count == 0
                ? null
                : string.Join("; ", failed.Select(d => $"{d.SubscriptionArn}: {d.Error} after {d.Attempts} attempt(s)")));
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(alarmName, topicArn);
        }
    }

    private void RecordAction(string alarmName, DateTimeOffset stateChangedAt, string resource, string? messageId,
        IReadOnlyList<SnsDeliveryResult> deliveries, string? error) =>
        store.RecordAction(alarmName,
            error is null ? $"Successfully executed action {resource}" : $"Failed to execute action {resource}",
            AlarmHistoryData.Action(error is null, stateChangedAt, resource, messageId, deliveries, error));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification of alarm {AlarmName} to {TopicArn} abandoned: LocalCloud is stopping")]
    private partial void LogAbandoned(string alarmName, string topicArn);
}
