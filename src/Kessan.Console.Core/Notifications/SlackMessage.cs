using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>A Slack incoming-webhook message in the seed AlertManager's format: one attachment coloured by severity,
/// the alert's title and message, fields Severity and Timestamp, then one field per context entry.</summary>
public sealed record SlackMessage([property: JsonPropertyName("attachments")] IReadOnlyList<SlackAttachment> Attachments)
{
    public static SlackMessage For(Notification notification)
    {
        List<SlackField> fields =
        [
            new("Severity", notification.Severity.Name().ToUpperInvariant(), true),
            new("Timestamp", IsoTimestamp.Format(notification.Timestamp), true),
        ];
        foreach (var entry in notification.Context.EnumerateObject())
        {
            fields.Add(new SlackField(FieldTitle(entry.Name), FieldValue(entry.Value), true));
        }
        return new SlackMessage([new SlackAttachment(Color(notification.Severity), notification.Title, notification.Message, fields)]);
    }

    /// <summary>The seed's colour map.</summary>
    public static string Color(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Low => "#36a64f",
        AlertSeverity.Medium => "#ff9500",
        AlertSeverity.High => "#ff0000",
        _ => "#8B0000",
    };

    /// <summary>Python's <c>key.replace("_", " ").title()</c>, as the seed titles context fields: "db_pool_size" → "Db Pool Size".</summary>
    public static string FieldTitle(string key)
    {
        var title = new StringBuilder(key.Length);
        var previousCased = false;
        foreach (var c in key.Replace('_', ' '))
        {
            title.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousCased = char.IsLetter(c);
        }
        return title.ToString();
    }

    /// <summary>Python's <c>str(value)</c> of a JSON value, as the seed shows context values.</summary>
    public static string FieldValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        _ => value.GetRawText(),
    };
}

public sealed record SlackAttachment(
    [property: JsonPropertyName("color")] string Color,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("fields")] IReadOnlyList<SlackField> Fields);

public sealed record SlackField(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("short")] bool Short);
