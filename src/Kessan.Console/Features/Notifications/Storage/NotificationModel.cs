using Kessan.Console.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Notifications.Storage;

/// <summary>The delivery log's tables, in the alerts database (one database holds alerts, their audit trail and
/// what was sent about them).</summary>
public static class NotificationModel
{
    public const string OncePerAlertIndex = "IX_NotificationDeliveries_OncePerAlert";

    public static void Configure(ModelBuilder modelBuilder)
    {
        var delivery = modelBuilder.Entity<StoredDelivery>();
        delivery.ToTable("NotificationDeliveries");
        delivery.Property(d => d.Channel).HasMaxLength(200);
        delivery.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.Action).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.Severity).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.RequestedBy).HasMaxLength(256);
        delivery.HasIndex(d => new { d.AlertId, d.Action, d.Channel })
            .IsUnique()
            .HasFilter("\"AlertId\" IS NOT NULL")
            .HasDatabaseName(OncePerAlertIndex);
        delivery.HasMany(d => d.Attempts).WithOne(a => a.Delivery).HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);

        var attempt = modelBuilder.Entity<StoredAttempt>();
        attempt.ToTable("NotificationAttempts");
        attempt.Property(a => a.Status).HasMaxLength(300);
        attempt.Property(a => a.Error).HasMaxLength(2000);
        attempt.HasIndex(a => a.At);
    }
}
