using System.Text.Json;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>PagerDuty Events API v2: success is HTTP 202; otherwise PagerDuty's status, message and errors.</summary>
public sealed class PagerDutySender(ProviderHttp http) : IChannelSender
{
    public ChannelKind Kind => ChannelKind.PagerDuty;

    public async Task<AttemptResult> SendAsync(ChannelTarget target, Notification notification, CancellationToken cancellationToken)
    {
        var pagerDuty = (PagerDutyTarget)target;
        var json = JsonSerializer.SerializeToUtf8Bytes(PagerDutyEvent.For(notification, pagerDuty.RoutingKey), NotificationJsonContext.Default.PagerDutyEvent);
        var answer = await http.PostJsonAsync(pagerDuty.EventsUrl, json, cancellationToken);
        return answer.StatusCode == 202
            ? AttemptResult.Success("HTTP 202", 202)
            : AttemptResult.HttpFailure(answer.StatusCode, ErrorText(answer.Body), answer.RetryAfter);
    }

    /// <summary>"invalid event: Event object is invalid ('payload.summary' is missing or blank)", or the body as it came.</summary>
    public static string ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return body;
            }
            var parts = new[] { "status", "message" }
                .Select(name => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
                .Where(text => !string.IsNullOrWhiteSpace(text));
            var text = string.Join(": ", parts);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                text += $" ({string.Join("; ", errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))})";
            }
            return text.Length > 0 ? text : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
