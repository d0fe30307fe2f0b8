using System.Data.Common;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Alerts;

/// <summary>The alerts and their audit trail: what the pages read and where every source and every acknowledgement
/// writes. Each write is a conditional update or an insert guarded by a unique index, never a read-then-write race,
/// so a restart, a repeated poll or a second console on the same database records a transition once. Every saved
/// change is published on the <see cref="AlertFeed"/>.</summary>
public sealed partial class AlertStore(IDbContextFactory<AlertsDbContext> database, AlertFeed feed, TimeProvider clock, ILogger<AlertStore> logger)
{
    /// <summary>A note longer than this is refused.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Losing this many races in a row means something else keeps writing the same rows.</summary>
    private const int MaxAttempts = 5;

    private readonly SemaphoreSlim _publishing = new(1, 1);

    /// <summary>Open alerts (triggered or acknowledged) that match <paramref name="filter"/>: most severe first,
    /// then newest first. Group them with <see cref="AlertGroup.Of"/>.</summary>
    public Task<IReadOnlyList<Alert>> ListActiveAsync(AlertFilter filter, CancellationToken cancellationToken) =>
        ReadAsync("list the active alerts", async db =>
        {
            var rows = await db.Alerts.AsNoTracking().Where(a => a.State != AlertState.Resolved).ToListAsync(cancellationToken);
            return (IReadOnlyList<Alert>)rows.Select(r => r.ToAlert())
                .Where(filter.Matches)
                .OrderByDescending(a => a.Severity)
                .ThenByDescending(a => a.TriggeredAt)
                .ThenByDescending(a => a.Id)
                .ToList();
        });

    /// <summary>Every event (firing, repeat, acknowledgement with who and note, resolution) at or after
    /// <paramref name="from"/> and before <paramref name="to"/>, oldest first: the timeline and its CSV.</summary>
    public Task<IReadOnlyList<AlertTimelineEntry>> HistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReadAsync("read the alert history", async db =>
        {
            var rows = await db.Events.AsNoTracking()
                .Include(e => e.Alert)
                .Where(e => e.At >= from && e.At < to)
                .OrderBy(e => e.At).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var alerts = rows.Select(r => r.Alert!).DistinctBy(a => a.Id).ToDictionary(a => a.Id, a => a.ToAlert());
            return (IReadOnlyList<AlertTimelineEntry>)rows.Select(r => new AlertTimelineEntry(r.ToEvent(), alerts[r.AlertId])).ToList();
        });

    /// <summary>One alert with its audit trail, or null when there is no such alert.</summary>
    public Task<AlertDetail?> FindAsync(long alertId, CancellationToken cancellationToken) =>
        ReadAsync("read the alert", async db =>
        {
            var row = await db.Alerts.AsNoTracking().Include(a => a.Events).FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
            return row is null
                ? null
                : new AlertDetail(row.ToAlert(), row.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.ToEvent()).ToList());
        });

    /// <summary>Alerts still waiting for someone to acknowledge them (triggered, not resolved).</summary>
    public Task<int> CountUnacknowledgedAsync(CancellationToken cancellationToken) =>
        ReadAsync("count the unacknowledged alerts", db => CountUnacknowledgedAsync(db, cancellationToken));

    /// <summary>Acknowledges a triggered alert exactly once: of any number of concurrent callers one gets
    /// <see cref="AcknowledgeResult.Acknowledged"/>, the others who was first and when. The caller has checked
    /// that <paramref name="actor"/> may acknowledge (see <see cref="AlertAcknowledgement"/>).</summary>
    /// <exception cref="ArgumentException">The note is longer than <see cref="MaxNoteLength"/>.</exception>
    /// <exception cref="AlertStoreException">The database could not be written; nothing was saved.</exception>
    public async Task<AcknowledgeResult> AcknowledgeAsync(long alertId, string actor, string? note, CancellationToken cancellationToken)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            throw new ArgumentException($"The note has {note.Length} characters; at most {MaxNoteLength} are kept.", nameof(note));
        }
        return await WriteAsync("save the acknowledgement", async db =>
        {
            var at = clock.DatabaseNow();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // The state condition is the whole guarantee: only one UPDATE finds the alert still triggered.
                var updated = await db.Alerts
                    .Where(a => a.Id == alertId && a.State == AlertState.Triggered)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(a => a.State, AlertState.Acknowledged)
                        .SetProperty(a => a.AcknowledgedBy, actor)
                        .SetProperty(a => a.AcknowledgedAt, at)
                        .SetProperty(a => a.AcknowledgementNote, note), cancellationToken);
                if (updated == 1)
                {
                    db.Events.Add(new StoredAlertEvent { AlertId = alertId, Kind = AlertEventKind.Acknowledged, At = at, Actor = actor, Note = note });
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    var change = await PublishAsync(db, AlertChangeKind.Acknowledged, alertId, cancellationToken);
                    return new AcknowledgeResult.Acknowledged(change.Alert);
                }
            }
            var current = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
            return AlertLifecycle.RefuseAcknowledgement(current?.ToAlert());
        }) ?? throw new AlertStoreException("The alert kept changing while it was being acknowledged; nothing was saved. Try again.");
    }

    /// <summary>Records a source's report: opens an alert, counts a repeat, resolves, or (the same report heard
    /// again, or one older than what is stored) changes nothing.</summary>
    /// <exception cref="AlertStoreException">The database could not be written; nothing was saved.</exception>
    public async Task<SignalOutcome> RecordAsync(AlertSignal signal, CancellationToken cancellationToken) =>
        await WriteAsync("record the alert", db => RecordOnceAsync(db, signal, cancellationToken))
        ?? throw new AlertStoreException($"The alert '{signal.DedupKey}' kept changing while it was being recorded; nothing was saved.");

    /// <summary>The open alert keys of one source, for sources that reconcile against their own current state.</summary>
    public Task<IReadOnlySet<string>> OpenKeysAsync(AlertSource source, CancellationToken cancellationToken) =>
        ReadAsync("read the open alerts", async db =>
        {
            var keys = await db.Alerts.Where(a => a.Source == source && a.State != AlertState.Resolved).Select(a => a.DedupKey).ToListAsync(cancellationToken);
            return (IReadOnlySet<string>)keys.ToHashSet(StringComparer.Ordinal);
        });

    /// <summary>One try; null when another writer got there in between (the caller tries again and then sees it).</summary>
    private async Task<SignalOutcome?> RecordOnceAsync(AlertsDbContext db, AlertSignal signal, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(e => e.TransitionKey == signal.TransitionKey, cancellationToken))
        {
            return SignalOutcome.AlreadyRecorded.Instance;
        }
        var openRow = await db.Alerts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Source == signal.Source && a.DedupKey == signal.DedupKey && a.State != AlertState.Resolved, cancellationToken);
        var open = openRow?.ToAlert();
        return signal switch
        {
            AlertFiring firing => await FireAsync(db, firing, open, cancellationToken),
            AlertResolution resolution => await ResolveAsync(db, resolution, open, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal.GetType().Name, "Unknown kind of alert signal."),
        };
    }

    private async Task<SignalOutcome?> FireAsync(AlertsDbContext db, AlertFiring firing, Alert? open, CancellationToken cancellationToken)
    {
        var lastResolvedAt = await db.Alerts
            .Where(a => a.Source == firing.Source && a.DedupKey == firing.DedupKey && a.State == AlertState.Resolved)
            .MaxAsync(a => a.ResolvedAt, cancellationToken);
        switch (AlertLifecycle.DecideFiring(firing, open, lastResolvedAt))
        {
            case FiringDecision.Open:
                var row = StoredAlert.Open(firing);
                db.Alerts.Add(row);
                if (!await SaveUnlessRacedAsync(db, cancellationToken))
                {
                    return null;
                }
                return new SignalOutcome.Opened((await PublishAsync(db, AlertChangeKind.Opened, row.Id, cancellationToken)).Alert);

            case FiringDecision.Repeat:
                var id = open!.Id;
                var repeated = await ChangeOpenAlertAsync(db, id, StoredAlertEvent.Record(firing, AlertEventKind.Repeated, id), set => set
                    .SetProperty(a => a.FireCount, a => a.FireCount + 1)
                    .SetProperty(a => a.LastFiredAt, a => a.LastFiredAt < firing.At ? firing.At : a.LastFiredAt)
                    .SetProperty(a => a.Message, firing.Message), cancellationToken);
                return repeated ? new SignalOutcome.Repeated((await PublishAsync(db, AlertChangeKind.Repeated, id, cancellationToken)).Alert) : null;

            default:
                return SignalOutcome.Outdated.Instance;
        }
    }

    private async Task<SignalOutcome?> ResolveAsync(AlertsDbContext db, AlertResolution resolution, Alert? open, CancellationToken cancellationToken)
    {
        switch (AlertLifecycle.DecideResolution(resolution, open))
        {
            case ResolutionDecision.Resolve:
                var id = open!.Id;
                var resolved = await ChangeOpenAlertAsync(db, id, StoredAlertEvent.Record(resolution, AlertEventKind.Resolved, id), set => set
                    .SetProperty(a => a.State, AlertState.Resolved)
                    .SetProperty(a => a.ResolvedAt, resolution.At)
                    .SetProperty(a => a.ResolvedBy, resolution.Actor), cancellationToken);
                return resolved ? new SignalOutcome.Resolved((await PublishAsync(db, AlertChangeKind.Resolved, id, cancellationToken)).Alert) : null;

            case ResolutionDecision.NothingOpen:
                return SignalOutcome.NothingOpen.Instance;

            default:
                return SignalOutcome.Outdated.Instance;
        }
    }

    /// <summary>Updates an alert that is still open and records the event, together or not at all. False when the
    /// alert was resolved meanwhile or the event was recorded by someone else.</summary>
    private static async Task<bool> ChangeOpenAlertAsync(
        AlertsDbContext db,
        long alertId,
        StoredAlertEvent alertEvent,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<StoredAlert>> change,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Alerts
            .Where(a => a.Id == alertId && a.State != AlertState.Resolved)
            .ExecuteUpdateAsync(change, cancellationToken);
        if (updated == 0)
        {
            return false;
        }
        db.Events.Add(alertEvent);
        if (!await SaveUnlessRacedAsync(db, cancellationToken))
        {
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Saves; false (and nothing saved) when a unique index says another writer recorded it first.</summary>
    private static async Task<bool> SaveUnlessRacedAsync(AlertsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Publishes a saved change with the alert as stored now. A feed that fails is logged, not thrown:
    /// the change is saved and must be reported as saved. Reading and sending happen one change at a time, so
    /// changes reach the feed in the order their counts were read and the last count a screen sees is the newest.</summary>
    private async Task<AlertChange> PublishAsync(AlertsDbContext db, AlertChangeKind kind, long alertId, CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var alert = (await db.Alerts.AsNoTracking().FirstAsync(a => a.Id == alertId, cancellationToken)).ToAlert();
            var change = new AlertChange(kind, alert, await CountUnacknowledgedAsync(db, cancellationToken));
            try
            {
                await feed.PublishAsync(change, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPublishFailed(exception, kind, alertId);
            }
            return change;
        }
        finally
        {
            _publishing.Release();
        }
    }

    private static Task<int> CountUnacknowledgedAsync(AlertsDbContext db, CancellationToken cancellationToken) =>
        db.Alerts.CountAsync(a => a.State == AlertState.Triggered, cancellationToken);

    private Task<T> ReadAsync<T>(string action, Func<AlertsDbContext, Task<T>> read) =>
        database.UseAsync(read, exception =>
        {
            LogDatabaseFailed(exception, action);
            return new AlertStoreException($"The alert store could not {action}: the database is not available.", exception);
        });

    /// <summary>Runs <paramref name="write"/> on a fresh context until it stops losing races (null = lost).</summary>
    private async Task<T?> WriteAsync<T>(string action, Func<AlertsDbContext, Task<T?>> write) where T : class
    {
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                await using var db = database.CreateDbContext();
                if (await write(db) is { } result)
                {
                    return result;
                }
            }
            return null;
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            LogDatabaseFailed(exception, action);
            throw new AlertStoreException($"The alert store could not {action}: the database refused the write, so nothing was saved.", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert database failed to {Action}")]
    private partial void LogDatabaseFailed(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} was saved ({Kind}) but the change could not be published to other screens")]
    private partial void LogPublishFailed(Exception exception, AlertChangeKind kind, long alertId);
}
