using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Logs.Storage;
using Kessan.Console.Features.Notifications.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>Alerts, their audit trail, the notification delivery log and the saved log queries. One subclass per database provider, each with its own migrations.</summary>
public abstract class AlertsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Index that allows one open (not resolved) alert per source and dedup key.</summary>
    public const string OpenKeyIndex = "IX_Alerts_OpenKey";

    public DbSet<StoredAlert> Alerts => Set<StoredAlert>();
    public DbSet<StoredAlertEvent> Events => Set<StoredAlertEvent>();
    public DbSet<StoredDelivery> Deliveries => Set<StoredDelivery>();
    public DbSet<StoredAttempt> Attempts => Set<StoredAttempt>();
    public DbSet<StoredSavedQuery> SavedQueries => Set<StoredSavedQuery>();

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation: another writer (a second
    /// console, a concurrent request) recorded the same thing first.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var alert = modelBuilder.Entity<StoredAlert>();
        alert.ToTable("Alerts");
        alert.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.DedupKey).HasMaxLength(ApplicationAlertReport.MaxDedupKeyLength + 100);
        alert.Property(a => a.Title).HasMaxLength(ApplicationAlertReport.MaxTitleLength + 100);
        alert.HasIndex(a => new { a.Source, a.DedupKey })
            .IsUnique()
            .HasFilter($"\"State\" <> '{nameof(AlertState.Resolved)}'")
            .HasDatabaseName(OpenKeyIndex);
        alert.HasIndex(a => new { a.Source, a.DedupKey, a.ResolvedAt });
        alert.HasIndex(a => a.State);
        alert.HasMany(a => a.Events).WithOne(e => e.Alert).HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);

        var alertEvent = modelBuilder.Entity<StoredAlertEvent>();
        alertEvent.ToTable("AlertEvents");
        alertEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        alertEvent.Property(e => e.Actor).HasMaxLength(256);
        alertEvent.HasIndex(e => e.TransitionKey).IsUnique().HasFilter("\"TransitionKey\" IS NOT NULL");
        alertEvent.HasIndex(e => new { e.AlertId, e.Kind })
            .IsUnique()
            .HasFilter($"\"Kind\" <> '{nameof(AlertEventKind.Repeated)}'")
            .HasDatabaseName("IX_AlertEvents_OncePerAlert");
        alertEvent.HasIndex(e => e.At);

        NotificationModel.Configure(modelBuilder);
        SavedQueryModel.Configure(modelBuilder);
    }
}
