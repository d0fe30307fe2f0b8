using System.Text;
using System.Text.Json;

namespace Kessan.LocalCloud.Sns;

/// <summary>A message as Amazon SNS posts it to an HTTP/S endpoint: a SubscriptionConfirmation or a Notification.</summary>
public sealed record SnsMessage
{
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string Notification = "Notification";

    public required string Type { get; init; }

    public required string MessageId { get; init; }

    public required string TopicArn { get; init; }

    public required string Message { get; init; }

    /// <summary>ISO 8601 with milliseconds, as SNS writes it: 2026-11-28T05:10:00.123Z.</summary>
    public required string Timestamp { get; init; }

    public required string SignatureVersion { get; init; }

    public required string SigningCertUrl { get; init; }

    public string Signature { get; init; } = "";

    /// <summary>Notifications only, when the publisher gave one.</summary>
    public string? Subject { get; init; }

    /// <summary>Confirmations only.</summary>
    public string? Token { get; init; }

    /// <summary>Confirmations only.</summary>
    public string? SubscribeUrl { get; init; }

    /// <summary>Notifications only.</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>What SNS signs: "Name\nvalue\n" for each signed field in byte order of the names — Message,
    /// MessageId, Subject (when present), Timestamp, TopicArn, Type for notifications; Message, MessageId,
    /// SubscribeURL, Timestamp, Token, TopicArn, Type for confirmations.</summary>
    public string StringToSign()
    {
        var text = new StringBuilder();
        Append(text, "Message", Message);
        Append(text, "MessageId", MessageId);
        if (Type == Notification)
        {
            if (Subject is not null)
            {
                Append(text, "Subject", Subject);
            }
        }
        else
        {
            Append(text, "SubscribeURL", SubscribeUrl ?? "");
        }

        Append(text, "Timestamp", Timestamp);
        if (Type != Notification)
        {
            Append(text, "Token", Token ?? "");
        }

        Append(text, "TopicArn", TopicArn);
        Append(text, "Type", Type);
        return text.ToString();
    }

    /// <summary>The body SNS posts, its members in SNS's order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Alarms.CloudWatchFormat.EmbeddedJson.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("Type", Type);
            writer.WriteString("MessageId", MessageId);
            WriteIfPresent(writer, "Token", Token);
            writer.WriteString("TopicArn", TopicArn);
            WriteIfPresent(writer, "Subject", Subject);
            writer.WriteString("Message", Message);
            WriteIfPresent(writer, "SubscribeURL", SubscribeUrl);
            writer.WriteString("Timestamp", Timestamp);
            writer.WriteString("SignatureVersion", SignatureVersion);
            writer.WriteString("Signature", Signature);
            writer.WriteString("SigningCertURL", SigningCertUrl);
            WriteIfPresent(writer, "UnsubscribeURL", UnsubscribeUrl);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Append(StringBuilder text, string name, string value) => text.Append(name).Append('\n').Append(value).Append('\n');

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
