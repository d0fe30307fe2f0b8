using System.Text.Json.Serialization;

namespace Kessan.Console.Aws.Protocol;

/// <summary>The body of an AWS JSON-protocol error. Services spell the members <c>message</c> or <c>Message</c>,
/// <c>code</c> or <c>Code</c>; <see cref="ProtocolJsonContext"/> matches them case-insensitively.</summary>
internal sealed record AwsErrorBody
{
    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AwsErrorBody))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
