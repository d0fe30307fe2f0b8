using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kessan.Console.Core.Alerts;

/// <summary>A CloudWatch alarm changing state, as the alarm history or an SNS alarm notification tells it. Both
/// carry the same state-change time, so the same transition heard both ways has one <see cref="TransitionKey"/>.</summary>
public sealed record AlarmTransition(string AlarmName, string OldState, string NewState, string Reason, DateTimeOffset ChangedAt, JsonElement Context)
{
    public const string Alarm = "ALARM";
    public const string Ok = "OK";

    /// <summary>Who alarm transitions are recorded as made by.</summary>
    public const string Actor = "CloudWatch";

    /// <summary>alarm/{name}/{new state}/{epoch milliseconds}.</summary>
    public string TransitionKey =>
        $"alarm/{AlarmName}/{NewState}/{ChangedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>ALARM fires, OK resolves; INSUFFICIENT_DATA says nothing about the problem (null).</summary>
    public AlertSignal? ToSignal(AlarmSeverityMap severities) => NewState switch
    {
        Alarm => new AlertFiring
        {
            Source = AlertSource.Alarm,
            DedupKey = AlarmName,
            At = ChangedAt,
            Actor = Actor,
            TransitionKey = TransitionKey,
            Detail = Reason,
            Title = AlarmName,
            Message = Reason,
            Severity = severities.For(AlarmName),
            Context = Context,
        },
        Ok => new AlertResolution
        {
            Source = AlertSource.Alarm,
            DedupKey = AlarmName,
            At = ChangedAt,
            Actor = Actor,
            TransitionKey = TransitionKey,
            Detail = Reason,
        },
        _ => null,
    };

    /// <summary>Reads a StateUpdate history item: its time and its HistoryData
    /// <c>{"version":"1.0","oldState":{"stateValue",…},"newState":{"stateValue","stateReason","stateReasonData"}}</c>.</summary>
    public static bool TryReadHistory(string alarmName, DateTimeOffset timestamp, string? historyData, [NotNullWhen(true)] out AlarmTransition? transition)
    {
        transition = null;
        try
        {
            if (historyData is null || JsonNode.Parse(historyData) is not JsonObject data
                || data["newState"] is not JsonObject newState || Text(newState, "stateValue") is not { } newValue)
            {
                return false;
            }
            var context = new JsonObject
            {
                ["alarmName"] = alarmName,
                ["oldState"] = Text(data["oldState"] as JsonObject, "stateValue"),
                ["newState"] = newValue,
            };
            // CloudWatch writes stateReasonData as JSON inside a string; accept it as an object too.
            context["stateReasonData"] = newState["stateReasonData"] switch
            {
                JsonValue value when value.TryGetValue<string>(out var text) => ParseOrText(text),
                { } node => node.DeepClone(),
                null => null,
            };
            transition = new AlarmTransition(alarmName, Text(data["oldState"] as JsonObject, "stateValue") ?? "", newValue,
                Text(newState, "stateReason") ?? "", timestamp, ToElement(context));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads CloudWatch's alarm notification (an SNS message's body): AlarmName, NewStateValue,
    /// OldStateValue, NewStateReason, StateChangeTime, and for context Region, AlarmArn, Trigger.</summary>
    public static bool TryReadNotification(string message, [NotNullWhen(true)] out AlarmTransition? transition, [NotNullWhen(false)] out string? error)
    {
        transition = null;
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(message) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            error = "Message is not a JSON object.";
            return false;
        }
        var name = Text(body, "AlarmName");
        var newState = Text(body, "NewStateValue");
        if (name is null || newState is null)
        {
            error = "Message is not a CloudWatch alarm notification: AlarmName and NewStateValue are required.";
            return false;
        }
        if (!IsoTimestamp.TryParse(Text(body, "StateChangeTime"), out var changedAt))
        {
            error = "Message.StateChangeTime must be an ISO-8601 time.";
            return false;
        }
        var context = new JsonObject
        {
            ["alarmName"] = name,
            ["oldState"] = Text(body, "OldStateValue"),
            ["newState"] = newState,
            ["alarmArn"] = Text(body, "AlarmArn"),
            ["region"] = Text(body, "Region"),
            ["trigger"] = body["Trigger"]?.DeepClone(),
        };
        transition = new AlarmTransition(name, Text(body, "OldStateValue") ?? "", newState, Text(body, "NewStateReason") ?? "", changedAt, ToElement(context));
        error = null;
        return true;
    }

    private static string? Text(JsonObject? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static JsonElement ToElement(JsonObject node) => JsonSerializer.SerializeToElement(node);
}
