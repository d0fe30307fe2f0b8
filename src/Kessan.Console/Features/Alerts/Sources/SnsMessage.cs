using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary>A message Amazon SNS posts to an HTTP subscription (and LocalCloud in the same format).</summary>
public sealed record SnsMessage
{
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string Notification = "Notification";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";

    public required string Type { get; init; }
    public required string MessageId { get; init; }
    public required string TopicArn { get; init; }
    public required string Message { get; init; }
    public required string Timestamp { get; init; }
    public string? Subject { get; init; }
    public string? Token { get; init; }
    public string? SubscribeUrl { get; init; }
    public string? SignatureVersion { get; init; }
    public string? Signature { get; init; }
    public string? SigningCertUrl { get; init; }

    /// <summary>Reads the body; on failure <paramref name="error"/> names the missing or wrong field.</summary>
    public static bool TryParse(string body, [NotNullWhen(true)] out SnsMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            error = $"The body is not JSON: {exception.Message}";
            return false;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The body must be a JSON object.";
            return false;
        }
        string? Field(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var type = Field("Type");
        if (type is not (SubscriptionConfirmation or Notification or UnsubscribeConfirmation))
        {
            error = $"Type must be {SubscriptionConfirmation}, {Notification} or {UnsubscribeConfirmation}.";
            return false;
        }
        string[] required = type == Notification
            ? ["MessageId", "TopicArn", "Message", "Timestamp"]
            : ["MessageId", "TopicArn", "Message", "Timestamp", "Token", "SubscribeURL"];
        if (required.FirstOrDefault(name => Field(name) is null) is { } missing)
        {
            error = $"{missing} is required in an SNS {type} message.";
            return false;
        }
        message = new SnsMessage
        {
            Type = type,
            MessageId = Field("MessageId")!,
            TopicArn = Field("TopicArn")!,
            Message = Field("Message")!,
            Timestamp = Field("Timestamp")!,
            Subject = Field("Subject"),
            Token = Field("Token"),
            SubscribeUrl = Field("SubscribeURL"),
            SignatureVersion = Field("SignatureVersion"),
            Signature = Field("Signature"),
            SigningCertUrl = Field("SigningCertURL"),
        };
        error = null;
        return true;
    }

    /// <summary>The text SNS signs: "Name\nvalue\n" for each signed field in order; Subject only when present.</summary>
    public byte[] StringToSign()
    {
        (string Name, string? Value)[] fields = Type == Notification
            ? [("Message", Message), ("MessageId", MessageId), ("Subject", Subject), ("Timestamp", Timestamp), ("TopicArn", TopicArn), ("Type", Type)]
            : [("Message", Message), ("MessageId", MessageId), ("SubscribeURL", SubscribeUrl), ("Timestamp", Timestamp), ("Token", Token), ("TopicArn", TopicArn), ("Type", Type)];
        var text = new StringBuilder();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            text.Append(name).Append('\n').Append(value).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
