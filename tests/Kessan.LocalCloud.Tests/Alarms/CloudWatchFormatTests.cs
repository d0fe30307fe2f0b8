using Kessan.LocalCloud.Alarms;

namespace Kessan.LocalCloud.Tests.Alarms;

public sealed class CloudWatchFormatTests
{
    [Theory]
    [InlineData(1000, "1000.0")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(80, "80.0")]
    [InlineData(0, "0.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(0.000015, "1.5E-5")]
    [InlineData(10_000_000, "1.0E7")]
    [InlineData(12_345_678, "1.2345678E7")]
    [InlineData(1e21, "1.0E21")]
    public void Numbers_are_written_as_Java_writes_doubles(double value, string expected)
    {
        Assert.Equal(expected, CloudWatchFormat.Number(value));
    }

    [Fact]
    public void Timestamps_have_milliseconds_and_a_numeric_utc_offset()
    {
        Assert.Equal("2026-11-28T05:10:00.123+0000", CloudWatchFormat.Timestamp(new DateTimeOffset(2026, 11, 28, 14, 10, 0, 123, TimeSpan.FromHours(9))));
    }
}
