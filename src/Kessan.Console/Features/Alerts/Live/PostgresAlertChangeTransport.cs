using System.Text.Json;
using System.Threading.Channels;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kessan.Console.Features.Alerts.Live;

/// <summary>Several consoles on one PostgreSQL database: a change is sent with NOTIFY, and every console (this one
/// included) LISTENs and delivers it. The notification names only the change and the alert; each console reads the
/// alert and the count from the database, so NOTIFY's 8000-byte limit never cuts a large alert. The listener
/// reconnects after a failure; changes made while it was away are not replayed (screens reload from the store).</summary>
public sealed partial class PostgresAlertChangeTransport(
    IOptions<AlertOptions> options,
    IDbContextFactory<AlertsDbContext> database,
    TimeProvider clock,
    ILogger<PostgresAlertChangeTransport> logger) : BackgroundService, IAlertChangeTransport
{
    public const string ChannelName = "kessan_alert_changes";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString!);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<AlertChange>? _receive;

    /// <summary>Completes once this console listens on the channel for the first time.</summary>
    public Task Listening => _listening.Task;

    public async Task SendAsync(AlertChange change, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", ChannelName);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new Notice(change.Kind, change.Alert.Id), AlertJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public IDisposable Connect(Action<AlertChange> receive)
    {
        _receive = receive;
        return new Connection(this);
    }

    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Notifications arrive inside WaitAsync; reading the database happens on a second loop, in order.
        var notices = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await Task.WhenAll(ListenAsync(notices.Writer, stoppingToken), DeliverAsync(notices.Reader, stoppingToken));
    }

    private async Task ListenAsync(ChannelWriter<string> notices, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => notices.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                LogListening(ChannelName);
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException)
            {
                LogListenFailed(exception, ReconnectDelay);
                await Task.Delay(ReconnectDelay, clock, stoppingToken);
            }
        }
        notices.TryComplete();
    }

    private async Task DeliverAsync(ChannelReader<string> notices, CancellationToken stoppingToken)
    {
        await foreach (var payload in notices.ReadAllAsync(stoppingToken))
        {
            try
            {
                var notice = JsonSerializer.Deserialize<Notice>(payload, AlertJson.Options)!;
                await using var db = database.CreateDbContext();
                var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == notice.AlertId, stoppingToken);
                if (alert is null)
                {
                    continue;
                }
                var count = await db.Alerts.CountAsync(a => a.State == AlertState.Triggered, stoppingToken);
                _receive?.Invoke(new AlertChange(notice.Kind, alert.ToAlert(), count));
            }
            catch (Exception exception) when (exception is JsonException or NpgsqlException or InvalidOperationException)
            {
                LogDeliveryFailed(exception, payload);
            }
        }
    }

    private sealed record Notice(AlertChangeKind Kind, long AlertId);

    private sealed class Connection(PostgresAlertChangeTransport transport) : IDisposable
    {
        public void Dispose() => transport._receive = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert changes from every console arrive through PostgreSQL channel {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL alert channel; listening again in {Delay}")]
    private partial void LogListenFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the alert change {Payload} from another console")]
    private partial void LogDeliveryFailed(Exception exception, string payload);
}
