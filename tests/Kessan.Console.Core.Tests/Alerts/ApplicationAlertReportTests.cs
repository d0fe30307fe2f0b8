using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Tests.Alerts;

public sealed class ApplicationAlertReportTests
{
    [Fact]
    public void The_seeds_payload_reads_with_a_naive_timestamp_as_UTC()
    {
        var report = Read("""{"title":"High CPU Usage","message":"CPU usage is 92%","severity":"high","context":{"cpu_percent":92},"timestamp":"2026-11-20T05:00:00.123456"}""");

        Assert.Equal(("High CPU Usage", AlertSeverity.High, new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero).AddTicks(1234560)),
            (report.Title, report.Severity, report.Timestamp));
    }

    [Fact]
    public void The_dedup_key_defaults_to_the_title() =>
        Assert.Equal("High CPU Usage", Read("""{"title":"High CPU Usage","message":"m","severity":"low","timestamp":"2026-11-20T05:00:00Z"}""").ToSignal().DedupKey);

    [Fact]
    public void The_same_report_sent_twice_has_one_transition_key()
    {
        const string payload = """{"title":"t","message":"m","severity":"low","timestamp":"2026-11-20T05:00:00Z"}""";

        Assert.Equal(Read(payload).ToSignal().TransitionKey, Read(payload).ToSignal().TransitionKey);
    }

    [Theory]
    [InlineData("""{"message":"m","severity":"low","timestamp":"2026-11-20T05:00:00Z"}""", "title")]
    [InlineData("""{"title":"t","message":"m","severity":"urgent","timestamp":"2026-11-20T05:00:00Z"}""", "severity")]
    [InlineData("""{"title":"t","message":"m","severity":"low","timestamp":"yesterday"}""", "timestamp")]
    [InlineData("""{"title":"t","message":"m","severity":"low","timestamp":"2026-11-20T05:00:00Z","context":[1]}""", "context")]
    [InlineData("""{"title":"t","message":"m","severity":"low","timestamp":"2026-11-20T05:00:00Z","resolve":"yes"}""", "resolve")]
    [InlineData("""{"resolve":true,"timestamp":"2026-11-20T05:00:00Z"}""", "dedupKey")]
    public void A_bad_payload_names_the_field(string payload, string field)
    {
        Assert.False(ApplicationAlertReport.TryRead(JsonDocument.Parse(payload).RootElement, out _, out var errors));

        Assert.Equal([field], errors.Keys);
    }

    private static ApplicationAlertReport Read(string payload)
    {
        Assert.True(ApplicationAlertReport.TryRead(JsonDocument.Parse(payload).RootElement, out var report, out var errors), string.Join("; ", errors.Keys));
        return report;
    }
}
