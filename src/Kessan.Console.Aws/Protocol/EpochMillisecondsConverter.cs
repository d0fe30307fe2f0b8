using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kessan.Console.Aws.Protocol;

/// <summary>A timestamp the wire carries as a whole number of units since the epoch; a finer part is dropped, as
/// the service would drop it.</summary>
public abstract class WholeEpochConverter(long ticksPerUnit, string unitName) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * ticksPerUnit))
            : throw new JsonException($"Expected a timestamp in epoch {unitName}, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((long)Math.Floor((double)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / ticksPerUnit));
}

/// <summary>CloudWatch Logs' timestamps: whole epoch milliseconds.</summary>
public sealed class EpochMillisecondsConverter() : WholeEpochConverter(TimeSpan.TicksPerMillisecond, "milliseconds");

/// <summary>Timestamps the Logs model types as whole epoch seconds (StartQuery's range).</summary>
public sealed class WholeEpochSecondsConverter() : WholeEpochConverter(TimeSpan.TicksPerSecond, "seconds");
