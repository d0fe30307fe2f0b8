using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kessan.Console.Aws.Protocol;

/// <summary>CloudWatch Logs writes timestamps as whole epoch milliseconds; finer parts are dropped, as the service
/// keeps none.</summary>
public sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerMillisecond))
            : throw new JsonException($"Expected a timestamp in epoch milliseconds, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}

/// <summary>Timestamps the Logs model types as whole epoch seconds (StartQuery's range); a fraction is dropped,
/// which is what the service would do with the second it falls in.</summary>
public sealed class WholeEpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond))
            : throw new JsonException($"Expected a timestamp in epoch seconds, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
