using System.Text.Json.Serialization;

namespace Kessan.LocalCloud.Receivers;

/// <summary>PagerDuty's answer to an event, as its Events API v2 words it.</summary>
public sealed record PagerDutyReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("dedup_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DedupKey = null,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboxListing))]
[JsonSerializable(typeof(PagerDutyReply))]
public sealed partial class ReceiverJsonContext : JsonSerializerContext;
