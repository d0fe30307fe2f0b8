using System.Text.Json;
using System.Threading.Channels;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Tests.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

using Kessan.Console.Tests.Support;

namespace Kessan.Console.Tests.Integration;

[Collection(AlertConsoleCollection.Name)]
public sealed class AlertHubTests(AlertConsole console)
{
    [Fact]
    public async Task A_hub_client_hears_a_new_alert_with_the_unacknowledged_count()
    {
        await using var hub = await console.HubAs(TestUsers.Viewer);
        var changes = Listen(hub);
        await hub.StartAsync();

        await OpenAsync("Hub hears");

        var change = await NextAsync(changes, c => c.GetProperty("alert").GetProperty("title").GetString() == "Hub hears");
        Assert.Equal("opened", change.GetProperty("kind").GetString());
        Assert.True(change.GetProperty("unacknowledgedCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task An_operator_acknowledges_through_the_hub_and_every_client_hears_it()
    {
        var alert = await OpenAsync("Hub operator");
        await using var watcher = await console.HubAs(TestUsers.Viewer);
        var changes = Listen(watcher);
        await watcher.StartAsync();
        await using var hub = await console.HubAs(TestUsers.Alice);
        await hub.StartAsync();

        var reply = await hub.InvokeAsync<JsonElement>(nameof(AlertHub.Acknowledge), alert.Id, "on it");

        Assert.Equal("acknowledged", reply.GetProperty("outcome").GetString());
        var change = await NextAsync(changes, c => c.GetProperty("kind").GetString() == "acknowledged" && c.GetProperty("alert").GetProperty("id").GetInt64() == alert.Id);
        Assert.Equal("alice", change.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task A_viewers_acknowledge_through_the_hub_is_refused_and_nothing_changes()
    {
        var alert = await OpenAsync("Hub forged");
        await using var hub = await console.HubAs(TestUsers.Viewer);
        await hub.StartAsync();

        var refusal = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>(nameof(AlertHub.Acknowledge), alert.Id, "sneaky"));

        Assert.Contains("Operator", refusal.Message);
        Assert.Equal(AlertState.Triggered, (await console.Store.FindAsync(alert.Id, CancellationToken.None))!.Alert.State);
    }

    [Fact]
    public async Task An_anonymous_hub_connection_is_refused()
    {
        await using var hub = await console.HubAs(null);

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refusal.StatusCode);
    }

    private static ChannelReader<JsonElement> Listen(HubConnection hub)
    {
        var changes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>(AlertHub.AlertChanged, change => changes.Writer.TryWrite(change));
        return changes.Reader;
    }

    /// <summary>The first change that matches, waiting at most ten seconds.</summary>
    private static async Task<JsonElement> NextAsync(ChannelReader<JsonElement> changes, Func<JsonElement, bool> match)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var change = await changes.ReadAsync(deadline.Token);
            if (match(change))
            {
                return change;
            }
        }
    }

    private async Task<Alert> OpenAsync(string title) =>
        ((SignalOutcome.Opened)await console.Store.RecordAsync(AlertSignals.ApplicationFires(title, DateTimeOffset.UtcNow), CancellationToken.None)).Alert;
}
