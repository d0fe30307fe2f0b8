using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Kessan.Console.Core.Alerts;

/// <summary>The backend AlertManager's payload (title, message, severity, context, timestamp) plus the console's
/// optional <c>dedupKey</c> (default: the title) and <c>resolve</c> (true ends the open alert of that key).</summary>
public sealed record ApplicationAlertReport
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 10_000;
    public const int MaxDedupKeyLength = 200;

    private static readonly JsonElement NoContext = JsonSerializer.SerializeToElement(new System.Text.Json.Nodes.JsonObject());

    /// <summary>Who application reports are recorded as made by.</summary>
    public const string Actor = "application";

    public string? Title { get; init; }
    public string? Message { get; init; }
    public AlertSeverity? Severity { get; init; }
    public JsonElement Context { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? DedupKey { get; init; }
    public bool Resolve { get; init; }

    public string Key => DedupKey ?? Title!;

    /// <summary>application/{key}/{fire|resolve}/{epoch milliseconds}: the backend retrying one report records it once.</summary>
    public AlertSignal ToSignal()
    {
        var transitionKey = string.Create(CultureInfo.InvariantCulture,
            $"application/{Key}/{(Resolve ? "resolve" : "fire")}/{Timestamp.ToUnixTimeMilliseconds()}");
        return Resolve
            ? new AlertResolution
            {
                Source = AlertSource.Application, DedupKey = Key, At = Timestamp, Actor = Actor, TransitionKey = transitionKey, Detail = Message,
            }
            : new AlertFiring
            {
                Source = AlertSource.Application, DedupKey = Key, At = Timestamp, Actor = Actor, TransitionKey = transitionKey, Detail = Message,
                Title = Title!, Message = Message!, Severity = Severity!.Value, Context = Context,
            };
    }

    /// <summary>Reads the payload. On failure <paramref name="errors"/> names each wrong field (as the payload spells
    /// it) with what was expected.</summary>
    public static bool TryRead(JsonElement payload, [NotNullWhen(true)] out ApplicationAlertReport? report, out Dictionary<string, string[]> errors)
    {
        report = null;
        errors = [];
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["must be a JSON object."];
            return false;
        }
        var reader = new FieldReader(payload, errors);
        var resolve = reader.Boolean("resolve") ?? false;
        var title = reader.Text("title", required: !resolve, MaxTitleLength);
        var message = reader.Text("message", required: !resolve, MaxMessageLength, allowEmpty: true);
        var severity = reader.Severity(required: !resolve);
        var context = reader.Context();
        var timestamp = reader.Timestamp();
        var dedupKey = reader.Text("dedupKey", required: false, MaxDedupKeyLength);
        if (resolve && title is null && dedupKey is null && !errors.ContainsKey("title") && !errors.ContainsKey("dedupKey"))
        {
            errors["dedupKey"] = ["is required to resolve (or give the title the alert was raised with)."];
        }
        if (errors.Count > 0 || timestamp is null)
        {
            return false;
        }
        report = new ApplicationAlertReport
        {
            Title = title, Message = message, Severity = severity, Context = context, Timestamp = timestamp.Value, DedupKey = dedupKey, Resolve = resolve,
        };
        return true;
    }

    private readonly struct FieldReader(JsonElement payload, Dictionary<string, string[]> errors)
    {
        public string? Text(string name, bool required, int maxLength, bool allowEmpty = false)
        {
            if (!Present(name, out var value))
            {
                if (required)
                {
                    errors[name] = ["is required."];
                }
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                errors[name] = ["must be a string."];
                return null;
            }
            var text = value.GetString()!;
            if (!allowEmpty && string.IsNullOrWhiteSpace(text))
            {
                errors[name] = ["must not be empty."];
                return null;
            }
            if (text.Length > maxLength)
            {
                errors[name] = [$"must be at most {maxLength} characters (it has {text.Length})."];
                return null;
            }
            return text;
        }

        public bool? Boolean(string name)
        {
            if (!Present(name, out var value))
            {
                return null;
            }
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }
            errors[name] = ["must be true or false."];
            return null;
        }

        public AlertSeverity? Severity(bool required)
        {
            const string name = "severity";
            if (!Present(name, out var value))
            {
                if (required)
                {
                    errors[name] = [$"is required: {AlertNames.Expected<AlertSeverity>()}."];
                }
                return null;
            }
            if (value.ValueKind == JsonValueKind.String && AlertNames.TryParse<AlertSeverity>(value.GetString(), out var severity))
            {
                return severity;
            }
            errors[name] = [$"must be {AlertNames.Expected<AlertSeverity>()}, not {value.GetRawText()}."];
            return null;
        }

        public JsonElement Context()
        {
            const string name = "context";
            if (!Present(name, out var value))
            {
                return NoContext;
            }
            if (value.ValueKind != JsonValueKind.Object)
            {
                errors[name] = ["must be a JSON object."];
            }
            return value.Clone();
        }

        public DateTimeOffset? Timestamp()
        {
            const string name = "timestamp";
            if (!Present(name, out var value))
            {
                errors[name] = ["is required: an ISO-8601 time such as 2026-11-20T05:00:00Z (no offset means UTC)."];
                return null;
            }
            if (value.ValueKind == JsonValueKind.String && IsoTimestamp.TryParse(value.GetString(), out var timestamp))
            {
                return timestamp;
            }
            errors[name] = [$"must be an ISO-8601 time such as 2026-11-20T05:00:00Z, not {value.GetRawText()}."];
            return null;
        }

        /// <summary>A JSON null counts as absent.</summary>
        private bool Present(string name, out JsonElement value) =>
            payload.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }
}
