using System.Collections.Concurrent;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Storage;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kessan.Console.Tests.Alerts;

/// <summary>Several consoles on one PostgreSQL database: a fresh database per test class, dropped after.</summary>
public sealed class PostgresAlertsTests : IAsyncLifetime
{
    private const string Alarm = "Kessan-prod-API-HighResponseTime";
    private static readonly DateTimeOffset T0 = AlertDatabaseFile.Start;
    private readonly string _databaseName = "kessan_alerts_" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly List<PostgresAlertChangeTransport> _transports = [];

    [PostgresFact]
    public async Task A_change_saved_by_one_console_reaches_the_other_consoles_screens()
    {
        var first = await NewConsoleAsync();
        var second = await NewConsoleAsync();
        var heard = new TaskCompletionSource<AlertChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = second.Feed.Subscribe(heard.SetResult);

        await first.Store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None);

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((AlertChangeKind.Opened, Alarm, 1), (change.Kind, change.Alert.Title, change.UnacknowledgedCount));
    }

    [PostgresFact]
    public async Task Fifty_parallel_acknowledgements_from_two_consoles_store_one()
    {
        var consoles = new[] { await NewConsoleAsync(), await NewConsoleAsync() };
        var alert = ((SignalOutcome.Opened)await consoles[0].Store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None)).Alert;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => consoles[i % 2].Store.AcknowledgeAsync(alert.Id, $"operator-{i}", null, CancellationToken.None))));

        Assert.Single(results.OfType<AcknowledgeResult.Acknowledged>());
        Assert.Equal(49, results.OfType<AcknowledgeResult.AlreadyAcknowledged>().Count());
    }

    [PostgresFact]
    public async Task Two_consoles_recording_the_same_firing_at_once_open_one_alert()
    {
        var consoles = new[] { await NewConsoleAsync(), await NewConsoleAsync() };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => consoles[i % 2].Store.RecordAsync(AlertSignals.AlarmFires(Alarm, T0), CancellationToken.None))));

        Assert.Single(outcomes.OfType<SignalOutcome.Opened>());
        Assert.Equal(9, outcomes.OfType<SignalOutcome.AlreadyRecorded>().Count());
    }

    public async Task InitializeAsync()
    {
        if (Server() is not { } server)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server() is not { } server)
        {
            return;
        }
        foreach (var transport in _transports)
        {
            await transport.StopAsync(CancellationToken.None);
            transport.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<AlertDatabaseFile.ConsoleInstance> NewConsoleAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = _databaseName }.ToString();
        var options = Options.Create(new AlertOptions { Provider = AlertDatabaseProvider.Postgres, ConnectionString = connectionString });
        var database = new AlertsDatabase(options, new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, NullLoggerFactory.Instance, NullLogger<AlertsDatabase>.Instance);
        await database.MigrateAsync(CancellationToken.None);
        var transport = new PostgresAlertChangeTransport(options, database, _clock, NullLogger<PostgresAlertChangeTransport>.Instance);
        _transports.Add(transport);
        var feed = new AlertFeed(transport, NullLogger<AlertFeed>.Instance);
        await transport.StartAsync(CancellationToken.None);
        await transport.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return new AlertDatabaseFile.ConsoleInstance(database, feed, new AlertStore(database, feed, _clock, NullLogger<AlertStore>.Instance));
    }

    private static string? Server() => Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
}
