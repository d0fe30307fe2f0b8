using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Tests.Alerts;
using Microsoft.Data.Sqlite;

using Kessan.Console.Tests.Support;

namespace Kessan.Console.Tests.Integration;

[Collection(AlertConsoleCollection.Name)]
public sealed class AlertApiTests(AlertConsole console)
{
    private static readonly TestUser Operator = TestUsers.Alice;
    private static readonly TestUser Viewer = TestUsers.Viewer;

    [Fact]
    public async Task An_operator_acknowledges_with_a_note()
    {
        var alert = await OpenAsync("Api acknowledged");

        using var client = await console.ClientAs(Operator);
        using var response = await client.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "restarting web-1" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acknowledged", body.RootElement.GetProperty("outcome").GetString());
        var stored = (await console.Store.FindAsync(alert.Id, CancellationToken.None))!.Alert;
        Assert.Equal(("alice", "restarting web-1"), (stored.AcknowledgedBy, stored.AcknowledgementNote));
    }

    [Fact]
    public async Task A_viewers_forged_acknowledge_is_refused_and_nothing_changes()
    {
        var alert = await OpenAsync("Api forged");

        using var client = await console.ClientAs(Viewer);
        using var response = await client.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "not mine to ack" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AlertState.Triggered, (await console.Store.FindAsync(alert.Id, CancellationToken.None))!.Alert.State);
    }

    [Fact]
    public async Task The_second_acknowledgement_is_a_conflict_naming_who_was_first()
    {
        var alert = await OpenAsync("Api second");
        using var alice = await console.ClientAs(TestUsers.Alice);
        await alice.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "mine" });

        using var ben = await console.ClientAs(TestUsers.Ben);
        using var response = await ben.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "no, mine" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("alice", body.RootElement.GetProperty("by").GetString());
        Assert.StartsWith("Already acknowledged by alice at ", body.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/alerts/987654321")]
    [InlineData("POST", "/api/alerts/987654321/acknowledge")]
    public async Task An_unknown_alert_is_not_found(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { note = "x" }) };

        using var client = await console.ClientAs(Operator);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reading_alerts_needs_a_signed_in_user()
    {
        using var client = await console.ClientAs(null);
        using var response = await client.GetAsync("/api/alerts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_active_list_filters_by_severity()
    {
        await OpenAsync("Api filter low", AlertSeverity.Low);
        await OpenAsync("Api filter critical", AlertSeverity.Critical);

        using var client = await console.ClientAs(Viewer);
        var alerts = await client.GetFromJsonAsync<JsonElement>("/api/alerts?severity=critical&text=Api%20filter");

        Assert.Equal(["Api filter critical"], alerts.EnumerateArray().Select(a => a.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_history_CSV_lists_each_event_with_UTC_times()
    {
        var alert = await OpenAsync("Api, \"CSV\"");
        using var operatorClient = await console.ClientAs(Operator);
        await operatorClient.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "=cmd" });

        using var viewer = await console.ClientAs(Viewer);
        using var response = await viewer.GetAsync("/alerts/history.csv?from=now-1h&to=now%2B1h");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("time,event,actor,note,detail,alert_id,source,dedup_key,severity,title", lines[0]);
        Assert.Contains(lines, l => l.EndsWith($",triggered,application,,CPU usage is 92%,{alert.Id},application,\"Api, \"\"CSV\"\"\",high,\"Api, \"\"CSV\"\"\"", StringComparison.Ordinal)
            && l.StartsWith(alert.TriggeredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",acknowledged,alice,'=cmd,", StringComparison.Ordinal));
    }

    private async Task<Alert> OpenAsync(string title, AlertSeverity severity = AlertSeverity.High) =>
        ((SignalOutcome.Opened)await console.Store.RecordAsync(AlertSignals.ApplicationFires(title, DateTimeOffset.UtcNow, severity), CancellationToken.None)).Alert;
}

public sealed class UnwritableAlertDatabaseTests : IAsyncLifetime
{
    private readonly AlertConsole _console = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _console.DisposeAsync().AsTask();

    [Fact]
    public async Task An_acknowledgement_the_database_refuses_fails_visibly_and_nothing_is_saved()
    {
        var alert = ((SignalOutcome.Opened)await _console.Store.RecordAsync(AlertSignals.ApplicationFires("Unwritable", DateTimeOffset.UtcNow), CancellationToken.None)).Alert;
        RefuseWrites(_console.DatabasePath);

        using var client = await _console.ClientAs(TestUsers.Alice);
        using var response = await client.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "x" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("nothing was saved", body.RootElement.GetProperty("detail").GetString());
        Assert.Equal(AlertState.Triggered, (await _console.Store.FindAsync(alert.Id, CancellationToken.None))!.Alert.State);
    }

    /// <summary>Makes the file refuse every change to alerts, as a full disk or a read-only volume would.</summary>
    private static void RefuseWrites(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TRIGGER refuse_alert_updates BEFORE UPDATE ON Alerts BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
            CREATE TRIGGER refuse_event_inserts BEFORE INSERT ON AlertEvents BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
            """;
        command.ExecuteNonQuery();
    }
}
