using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kessan.Console.Aws.Protocol;

/// <summary>CloudWatch's JSON protocol writes timestamps as epoch seconds, with a fraction when there is one.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            // Whole seconds are the rule (GetMetricData sends pages of them); as integers they parse about twice as fast.
            JsonTokenType.Number when reader.TryGetInt64(out var seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds),
            JsonTokenType.Number => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond)),
            JsonTokenType.String when DateTimeOffset.TryParse(reader.GetString(), out var parsed) => parsed,
            _ => throw new JsonException($"Expected a timestamp in epoch seconds, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            writer.WriteNumberValue(ticks / TimeSpan.TicksPerSecond);
        }
        else
        {
            writer.WriteNumberValue(Math.Round((double)ticks / TimeSpan.TicksPerSecond, 3));
        }
    }
}
