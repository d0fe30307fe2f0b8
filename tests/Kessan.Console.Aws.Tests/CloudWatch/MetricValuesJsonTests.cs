using System.Buffers;
using System.Text;
using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;

namespace Kessan.Console.Aws.Tests.CloudWatch;

/// <summary>GetMetricData's values take a faster way for whole numbers; on the wire nothing may change.</summary>
public sealed class MetricValuesJsonTests
{
    public static TheoryData<double> Values => new() { 1, 123, -7, 0.25, 1e-7, 0, -0.0, 1e15 + 1, 9_007_199_254_740_992, 1e17, -1.5e300 };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_written_with_the_digits_of_a_plain_double(double value)
    {
        var json = JsonSerializer.Serialize(new MetricDataResult { Values = [value] }, CloudWatchJsonContext.Default.MetricDataResult);

        Assert.Equal($$"""{"Values":[{{PlainDouble(value)}}]}""", json);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_written_value_reads_back_as_the_same_double(double value)
    {
        var json = JsonSerializer.Serialize(new MetricDataResult { Values = [value] }, CloudWatchJsonContext.Default.MetricDataResult);

        var read = JsonSerializer.Deserialize(json, CloudWatchJsonContext.Default.MetricDataResult)!;

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(Assert.Single(read.Values!)));
    }

    private static string PlainDouble(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteNumberValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
