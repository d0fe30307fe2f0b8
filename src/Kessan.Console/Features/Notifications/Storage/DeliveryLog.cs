using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.Alerts.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Notifications.Storage;

/// <summary>Every delivery and each of its attempts (time, channel, alert or test, HTTP status or SMTP reply,
/// latency, error), in the alerts database.</summary>
public sealed partial class DeliveryLog(IDbContextFactory<AlertsDbContext> database, TimeProvider clock, ILogger<DeliveryLog> logger)
{
    /// <summary>The most attempts one read returns; the page says when there were more.</summary>
    public const int MaxListed = 500;

    /// <summary>Records a new delivery of <paramref name="notification"/> to <paramref name="channel"/>. Null when this
    /// alert's event was already claimed for that channel (by another console on the same database, or a repeat).</summary>
    /// <exception cref="DeliveryLogException">The database could not be written.</exception>
    public async Task<Guid?> CreateAsync(ChannelDefinition channel, Notification notification, string requestedBy, CancellationToken cancellationToken)
    {
        var delivery = new StoredDelivery
        {
            Id = Guid.NewGuid(),
            Channel = channel.Name,
            Kind = channel.Kind ?? ChannelKind.Slack,
            Action = notification.Action,
            AlertId = notification.AlertId,
            Title = notification.Title.Length > 500 ? notification.Title[..500] : notification.Title,
            Severity = notification.Severity,
            RequestedBy = requestedBy,
            CreatedAt = clock.DatabaseNow(),
        };
        return await UseAsync("record a delivery", async db =>
        {
            db.Deliveries.Add(delivery);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (Guid?)delivery.Id;
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                return null;
            }
        });
    }

    /// <summary>Records attempt number <paramref name="number"/> of a delivery: delivered, failed for good, or to be
    /// tried again (<paramref name="willRetry"/>).</summary>
    /// <exception cref="DeliveryLogException">The database could not be written.</exception>
    public Task<DeliveryAttempt> RecordAttemptAsync(
        Guid deliveryId, int number, DateTimeOffset at, TimeSpan latency, AttemptResult result, bool willRetry, CancellationToken cancellationToken) =>
        UseAsync("record a delivery attempt", async db =>
        {
            var delivery = await db.Deliveries.AsNoTracking().FirstAsync(d => d.Id == deliveryId, cancellationToken);
            var attempt = new StoredAttempt
            {
                DeliveryId = deliveryId,
                Number = number,
                At = at,
                LatencyMs = (int)Math.Min(int.MaxValue, Math.Round(latency.TotalMilliseconds)),
                Delivered = result.Delivered,
                Status = TextLimit.Clip(result.Status, 300),
                StatusCode = result.StatusCode,
                Error = result.Error is null ? null : TextLimit.Clip(result.Error, 2000),
                WillRetry = willRetry,
            };
            db.Attempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
            return attempt.ToAttempt(delivery);
        });

    /// <summary>Attempts from <paramref name="from"/> to <paramref name="to"/>, both included (a range ending "now"
    /// includes what was just sent), that match
    /// <paramref name="filter"/>, newest first, at most <see cref="MaxListed"/>.</summary>
    /// <exception cref="DeliveryLogException">The database could not be read.</exception>
    public Task<IReadOnlyList<DeliveryAttempt>> ListAttemptsAsync(AttemptFilter filter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        UseAsync("read the delivery log", async db =>
        {
            var query = db.Attempts.AsNoTracking().Include(a => a.Delivery).Where(a => a.At >= from && a.At <= to);
            if (filter.Channel is { } channel)
            {
                query = query.Where(a => a.Delivery!.Channel == channel);
            }
            if (filter.Delivered is { } delivered)
            {
                query = query.Where(a => a.Delivered == delivered);
            }
            if (filter.Tests is { } tests)
            {
                query = tests ? query.Where(a => a.Delivery!.AlertId == null) : query.Where(a => a.Delivery!.AlertId != null);
            }
            var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxListed).ToListAsync(cancellationToken);
            return (IReadOnlyList<DeliveryAttempt>)rows.Select(a => a.ToAttempt(a.Delivery!)).ToList();
        });

    /// <summary>The channels that were sent (or are sending) a trigger for <paramref name="alertId"/>: the incidents
    /// its acknowledgement and resolution must reach.</summary>
    /// <exception cref="DeliveryLogException">The database could not be read.</exception>
    public Task<IReadOnlySet<string>> TriggeredChannelsAsync(long alertId, CancellationToken cancellationToken) =>
        UseAsync("read the alert's deliveries", async db =>
        {
            var channels = await db.Deliveries
                .Where(d => d.AlertId == alertId && d.Action == NotificationAction.Trigger)
                .Select(d => d.Channel)
                .ToListAsync(cancellationToken);
            return (IReadOnlySet<string>)channels.ToHashSet(StringComparer.Ordinal);
        });

    private Task<T> UseAsync<T>(string action, Func<AlertsDbContext, Task<T>> work) =>
        database.UseAsync(work, exception =>
        {
            LogDatabaseFailed(exception, action);
            return new DeliveryLogException($"The delivery log could not {action}: the database is not available.", exception);
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "The delivery log failed to {Action}")]
    private partial void LogDatabaseFailed(Exception exception, string action);
}

/// <summary>The delivery log's database could not be read or written.</summary>
public sealed class DeliveryLogException(string message, Exception innerException) : Exception(message, innerException);
