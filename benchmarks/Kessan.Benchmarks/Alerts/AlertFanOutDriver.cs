using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Kessan.Benchmarks.Hosting;
using Kessan.Benchmarks.Reporting;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Benchmarks.Alerts;

/// <summary>Alerts measurement 1: fan-out through <c>/hubs/alerts</c>. 1,000 SignalR clients (WebSockets, each
/// signed in with a Viewer's cookie) stay connected to one console on the real clock. The driver raises application
/// alerts one after another through the ingest API; each is published on the console's <see cref="AlertFeed"/> once
/// stored, and relayed by the hub as <c>alertChanged</c>. Every client notes when its copy arrived; the delay is
/// counted from the publish on the feed (this process's monotonic clock: the console and the clients share it), and
/// also from the moment the ingest request was sent. The next alert is raised once every client has the previous
/// one. The clients run in this process, so their receiving and parsing competes with the console for the same cores.</summary>
internal static class AlertFanOutDriver
{
    public const string Command = "alert-fanout";

    private const int Clients = 1_000;
    private const int ConcurrentConnects = 25;
    private const int WarmUpEvents = 5;
    private const int MeasuredEvents = 50;
    private const string KeyPrefix = "benchmark-fanout-";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task RunAsync()
    {
        // No scheduled incidents: their alarm alerts would reach the clients in the middle of a measurement.
        await using var console = new ConsoleUnderLoad(TimeProvider.System, new Dictionary<string, string> { ["LocalCloud:Simulator:IncidentEvery"] = "00:00:00" });
        using var alerts = new ApplicationAlerts(console, TimeProvider.System);
        var events = new FanOutEvent[WarmUpEvents + MeasuredEvents];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new FanOutEvent(Clients);
        }
        using var published = console.Services.GetRequiredService<AlertFeed>().Subscribe(change =>
        {
            if (change.Kind == AlertChangeKind.Opened && EventIndex(change.Alert.DedupKey) is { } index)
            {
                events[index].PublishedAt = TimeProvider.System.GetTimestamp();
            }
        });

        var cookie = await console.SignInCookieAsync(TestUsers.Viewer);
        var connecting = TimeProvider.System.GetTimestamp();
        var connections = await ConnectAllAsync(console, cookie, events);
        var connectTime = TimeProvider.System.GetElapsedTime(connecting);
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{connections.Count} clients connected in {connectTime.TotalSeconds:0.0} s; {MachineLoad.Describe()}."));

        try
        {
            for (var i = 0; i < events.Length; i++)
            {
                events[i].SentAt = TimeProvider.System.GetTimestamp();
                await alerts.RaiseAsync(KeyPrefix + i.ToString(CultureInfo.InvariantCulture), $"Fan-out event {i}", CancellationToken.None);
                await events[i].AllReceived.Task.WaitAsync(Deadline);
            }
        }
        finally
        {
            await DisconnectAllAsync(connections);
        }

        var measured = events[WarmUpEvents..];
        var fromPublish = measured.SelectMany(e => e.Delays(e.PublishedAt)).ToArray();
        var fromSend = measured.SelectMany(e => e.Delays(e.SentAt)).ToArray();
        var lastClient = measured.Select(e => e.Delays(e.PublishedAt).Max()).ToArray();
        System.Console.WriteLine();
        System.Console.WriteLine($"Delivery of alertChanged to {Clients} WebSocket clients, {MeasuredEvents} alerts after {WarmUpEvents} warm-up alerts, {fromPublish.Length} deliveries (ms):");
        System.Console.WriteLine($"Load average at the end: {MachineLoad.Describe()}.");
        System.Console.WriteLine("| measured from | deliveries | p50 | p95 | p99 | max |");
        System.Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        System.Console.WriteLine(Row("publish on the feed (alert stored) to each client", fromPublish));
        System.Console.WriteLine(Row("ingest request sent to each client", fromSend));
        System.Console.WriteLine(Row("publish on the feed to the last of the 1,000 clients (one value per alert)", lastClient));
    }

    private static async Task<List<HubConnection>> ConnectAllAsync(ConsoleUnderLoad console, string cookie, FanOutEvent[] events)
    {
        var connections = new ConcurrentBag<HubConnection>();
        using var gate = new SemaphoreSlim(ConcurrentConnects);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(console.Url(AlertHub.Path), HttpTransportType.WebSockets, options =>
                    {
                        options.SkipNegotiation = true;
                        options.Headers["Cookie"] = cookie;
                    })
                    .Build();
                connection.On<JsonElement>(AlertHub.AlertChanged, change => Receive(change, client, events));
                await connection.StartAsync();
                connections.Add(connection);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. connections];
    }

    private static void Receive(JsonElement change, int client, FanOutEvent[] events)
    {
        var receivedAt = TimeProvider.System.GetTimestamp();
        if (change.GetProperty("kind").GetString() == "opened"
            && EventIndex(change.GetProperty("alert").GetProperty("dedupKey").GetString()) is { } index)
        {
            events[index].Receive(client, receivedAt);
        }
    }

    private static async Task DisconnectAllAsync(List<HubConnection> connections)
    {
        foreach (var batch in connections.Chunk(ConcurrentConnects * 4))
        {
            await Task.WhenAll(batch.Select(connection => connection.DisposeAsync().AsTask()));
        }
    }

    private static int? EventIndex(string? dedupKey) =>
        dedupKey is not null && dedupKey.StartsWith(KeyPrefix, StringComparison.Ordinal)
            && int.TryParse(dedupKey.AsSpan(KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static string Row(string from, double[] delays) => string.Create(CultureInfo.InvariantCulture,
        $"| {from} | {delays.Length:N0} | {NearestRank.Percentile(delays, 0.5):0.0} | {NearestRank.Percentile(delays, 0.95):0.0} | {NearestRank.Percentile(delays, 0.99):0.0} | {delays.Max():0.0} |");

    /// <summary>One raised alert: when it was sent and published, and when each client received it.</summary>
    private sealed class FanOutEvent(int clients)
    {
        private readonly long[] _receivedAt = new long[clients];
        private int _outstanding = clients;

        public long SentAt { get; set; }
        public long PublishedAt { get; set; }
        public TaskCompletionSource AllReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Receive(int client, long receivedAt)
        {
            _receivedAt[client] = receivedAt;
            if (Interlocked.Decrement(ref _outstanding) == 0)
            {
                AllReceived.TrySetResult();
            }
        }

        public IEnumerable<double> Delays(long from) => _receivedAt.Select(at => TimeProvider.System.GetElapsedTime(from, at).TotalMilliseconds);
    }
}
