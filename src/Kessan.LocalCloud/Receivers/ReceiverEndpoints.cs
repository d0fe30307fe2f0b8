using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kessan.LocalCloud.Receivers;

/// <summary>Offline stand-ins for the notification providers, so a fresh machine can prove its channels work:
/// <c>POST /_localcloud/slack/{id}</c> answers like a Slack incoming webhook (200 <c>ok</c>, or 400
/// <c>invalid_payload</c> / <c>no_text</c>), <c>POST /_localcloud/pagerduty/v2/enqueue</c> like PagerDuty's Events API v2
/// (202, or 400 <c>invalid event</c> with the errors), and <c>GET /_localcloud/inbox?after=&amp;wait=</c> lists what
/// arrived (with the SMTP receiver's mail).</summary>
public static class ReceiverEndpoints
{
    public const string SlackPath = "/_localcloud/slack";
    public const string PagerDutyPath = "/_localcloud/pagerduty/v2/enqueue";
    public const string InboxPath = "/_localcloud/inbox";

    /// <summary>The longest a waiting inbox read is held open.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(25);

    private static readonly string[] PagerDutyActions = ["trigger", "acknowledge", "resolve"];
    private static readonly string[] PagerDutySeverities = ["critical", "error", "warning", "info"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapReceiverEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SlackPath + "/{**webhook}", ReceiveSlackAsync);
        endpoints.MapPost(PagerDutyPath, ReceivePagerDutyAsync);
        endpoints.MapGet(InboxPath, ReadInboxAsync);
        return endpoints;
    }

    internal static async Task<IResult> ReceiveSlackAsync(string webhook, HttpRequest request, LocalInbox inbox, CancellationToken cancellationToken)
    {
        if (await ReadObjectAsync(request, cancellationToken) is not { } message)
        {
            return SlackError("invalid_payload");
        }
        var attachment = message["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0] as JsonObject : null;
        var text = message["text"]?.GetValueKind() == JsonValueKind.String ? message["text"]!.GetValue<string>() : null;
        if (attachment is null && string.IsNullOrWhiteSpace(text) && message["blocks"] is not JsonArray)
        {
            return SlackError("no_text");
        }
        var title = StringAt(attachment, "title") ?? text ?? "(blocks)";
        var severity = (attachment?["fields"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(field => StringAt(field, "title") == "Severity") is { } field ? StringAt(field, "value")?.ToLowerInvariant() : null;
        inbox.Add("slack", title, severity, null, $"webhook {Masked(webhook)}", message.ToJsonString(Indented));
        return Results.Text("ok", "text/plain");
    }

    internal static async Task<IResult> ReceivePagerDutyAsync(HttpRequest request, LocalInbox inbox, CancellationToken cancellationToken)
    {
        if (await ReadObjectAsync(request, cancellationToken) is not { } body)
        {
            return Results.Json(new PagerDutyReply("invalid event", "Event object is invalid", Errors: ["The body is not a JSON object."]),
                ReceiverJsonContext.Default.PagerDutyReply, statusCode: StatusCodes.Status400BadRequest);
        }
        var errors = new List<string>();
        var routingKey = StringAt(body, "routing_key");
        if (string.IsNullOrWhiteSpace(routingKey))
        {
            errors.Add("'routing_key' is missing or blank");
        }
        var action = StringAt(body, "event_action");
        if (action is null || !PagerDutyActions.Contains(action))
        {
            errors.Add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
        }
        var dedupKey = StringAt(body, "dedup_key");
        var payload = body["payload"] as JsonObject;
        if (action == "trigger")
        {
            if (payload is null)
            {
                errors.Add("'payload' is missing or not an object");
            }
            else
            {
                if (string.IsNullOrWhiteSpace(StringAt(payload, "summary")) || StringAt(payload, "summary")!.Length > 1024)
                {
                    errors.Add("'payload.summary' is missing, blank or longer than 1024 characters");
                }
                if (string.IsNullOrWhiteSpace(StringAt(payload, "source")))
                {
                    errors.Add("'payload.source' is missing or blank");
                }
                if (!PagerDutySeverities.Contains(StringAt(payload, "severity")))
                {
                    errors.Add("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
                }
            }
            dedupKey ??= Guid.NewGuid().ToString("N");
        }
        else if (action is not null && string.IsNullOrWhiteSpace(dedupKey))
        {
            errors.Add("'dedup_key' is missing or blank");
        }
        if (errors.Count > 0)
        {
            return Results.Json(new PagerDutyReply("invalid event", "Event object is invalid", Errors: errors),
                ReceiverJsonContext.Default.PagerDutyReply, statusCode: StatusCodes.Status400BadRequest);
        }

        body["routing_key"] = Masked(routingKey!);
        var title = StringAt(payload, "summary") ?? $"{action} {dedupKey}";
        inbox.Add("pagerduty", title, StringAt(payload, "severity"), action, $"routing key {Masked(routingKey!)}", body.ToJsonString(Indented));
        return Results.Json(new PagerDutyReply("success", "Event processed", dedupKey), ReceiverJsonContext.Default.PagerDutyReply,
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>after</c>: the last id the reader has (default 0); <c>wait=true</c> holds the request until a newer
    /// message arrives (at most <see cref="LongestWait"/>).</summary>
    internal static async Task<IResult> ReadInboxAsync(long? after, bool? wait, LocalInbox inbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (wait != true)
        {
            return Results.Json(inbox.List(after ?? 0), ReceiverJsonContext.Default.InboxListing);
        }
        using var longest = new CancellationTokenSource(LongestWait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(longest.Token, cancellationToken);
        return Results.Json(await inbox.WaitAfterAsync(after ?? 0, linked.Token), ReceiverJsonContext.Default.InboxListing);
    }

    /// <summary>The last four characters of a long secret, nothing of a short one: the inbox page shows recipients.</summary>
    internal static string Masked(string secret) => secret.Length >= 12 ? $"…{secret[^4..]}" : "••••";

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringAt(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static IResult SlackError(string error) => Results.Text(error, "text/plain", statusCode: StatusCodes.Status400BadRequest);
}
