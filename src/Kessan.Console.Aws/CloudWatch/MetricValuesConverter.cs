using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kessan.Console.Aws.CloudWatch;

/// <summary>The <c>Values</c> of a GetMetricData result, a page of up to 100,800 numbers. Whole numbers (counts,
/// sums, most gauges) are written and read as integers: the same JSON, but formatting a double the shortest
/// round-trip way is several times slower than formatting an integer, and parsing one is slower too.</summary>
public sealed class MetricValuesConverter : JsonConverter<IReadOnlyList<double>>
{
    // Up to 2^53 the writer spells a whole double with the integer's digits; larger ones it writes as 1E+17 and so on.
    private const double MaxExactInteger = 9_007_199_254_740_992;

    public override IReadOnlyList<double> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of numbers, found {reader.TokenType}.");
        }

        var values = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // "-0" parses as the integer 0; the double way keeps its sign.
            values.Add(reader.TryGetInt64(out var whole) && whole != 0 ? whole : reader.GetDouble());
        }

        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<double> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var number in value)
        {
            // Zero goes the double way so that -0 keeps its sign.
            if (number != 0 && Math.Abs(number) <= MaxExactInteger && number == Math.Truncate(number))
            {
                writer.WriteNumberValue((long)number);
            }
            else
            {
                writer.WriteNumberValue(number);
            }
        }

        writer.WriteEndArray();
    }
}
