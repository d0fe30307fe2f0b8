using System.Text.Json.Serialization;

namespace Kessan.LocalCloud.Sns;

/// <summary>Body of <c>POST /_localcloud/sns/subscriptions</c>: <c>{"topicArn":"arn:aws:sns:…","endpoint":"http://…"}</c>.</summary>
public sealed record SubscribeRequest(string? TopicArn, string? Endpoint);

/// <summary>A subscription as the admin endpoint shows it (never with its endpoint, which may hold a secret).</summary>
public sealed record SubscriptionView(string SubscriptionArn, string TopicArn, bool PendingConfirmation);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubscribeRequest))]
[JsonSerializable(typeof(SubscriptionView))]
public sealed partial class SnsJsonContext : JsonSerializerContext;
