using System.Text.Json;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Slack incoming webhooks: success is HTTP 200 with the body <c>ok</c>; anything else fails with Slack's
/// own error text (invalid_payload, channel_not_found, no_service, …).</summary>
public sealed class SlackSender(ProviderHttp http) : IChannelSender
{
    public ChannelKind Kind => ChannelKind.Slack;

    public async Task<AttemptResult> SendAsync(ChannelTarget target, Notification notification, CancellationToken cancellationToken)
    {
        var webhook = ((SlackTarget)target).WebhookUrl;
        var json = JsonSerializer.SerializeToUtf8Bytes(SlackMessage.For(notification), NotificationJsonContext.Default.SlackMessage);
        var answer = await http.PostJsonAsync(webhook, json, cancellationToken);
        return answer.StatusCode == 200 && answer.Body.Trim() == "ok"
            ? AttemptResult.Success("HTTP 200", 200)
            : AttemptResult.HttpFailure(answer.StatusCode, answer.Body, answer.RetryAfter);
    }
}
