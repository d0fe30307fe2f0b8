using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Tests.Integration;

[Collection(AlertConsoleCollection.Name)]
public sealed class IngestApiTests(AlertConsole console)
{
    [Fact]
    public async Task The_backends_alert_payload_opens_an_alert()
    {
        using var response = await console.IngestClient().PostAsJsonAsync("/api/alerts", Payload("Ingest opens"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("opened", body.RootElement.GetProperty("outcome").GetString());
        var alert = Assert.Single(await Active("Ingest opens"));
        Assert.Equal((AlertSource.Application, AlertSeverity.High, 92), (alert.Source, alert.Severity, alert.Context.GetProperty("cpu_percent").GetInt32()));
    }

    [Fact]
    public async Task A_resolve_with_the_dedup_key_resolves_the_open_alert()
    {
        await console.IngestClient().PostAsJsonAsync("/api/alerts", Payload("Ingest resolves", dedupKey: "cpu-web-1"));

        using var response = await console.IngestClient().PostAsJsonAsync("/api/alerts",
            new { resolve = true, dedupKey = "cpu-web-1", timestamp = "2026-11-20T05:10:00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await Active("Ingest resolves"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-wrong-key-wrong-key")]
    public async Task A_missing_or_wrong_key_is_refused_and_nothing_is_stored(string? key)
    {
        using var response = await console.IngestClient(key).PostAsJsonAsync("/api/alerts", Payload("Ingest refused"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await Active("Ingest refused"));
    }

    [Fact]
    public async Task A_bad_payload_is_refused_naming_the_field()
    {
        using var response = await console.IngestClient().PostAsJsonAsync("/api/alerts",
            new { title = "Ingest bad severity", message = "m", severity = "urgent", timestamp = "2026-11-20T05:00:00Z" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(["severity"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("low, medium, high or critical", errors.GetProperty("severity")[0].GetString());
        Assert.Empty(await Active("Ingest bad severity"));
    }

    private static object Payload(string title, string? dedupKey = null) => new
    {
        title,
        message = "CPU usage is 92%",
        severity = "high",
        context = new { cpu_percent = 92 },
        timestamp = "2026-11-20T05:00:00.123456",
        dedupKey,
    };

    private Task<IReadOnlyList<Alert>> Active(string title) =>
        console.Store.ListActiveAsync(new AlertFilter { Text = title }, CancellationToken.None);
}
