using Kessan.Console.Features.Alerts.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kessan.Console.Tests.Alerts;

/// <summary>Each provider's migrations build the model the console uses (compared with the migrations' snapshot, no
/// server needed), and upgrading a database keeps what it holds.</summary>
public sealed class AlertsMigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteAlertsDbContextDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresAlertsDbContextDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Upgrading_a_sqlite_database_keeps_its_delivery_log()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kessan-migrations-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "alerts.db") }.ToString();
        try
        {
            await using (var before = Sqlite(connectionString))
            {
                await before.GetService<IMigrator>().MigrateAsync("SavedLogQueries");
                await before.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "NotificationDeliveries" ("Id", "Channel", "Kind", "Action", "AlertId", "Title", "Severity", "RequestedBy", "CreatedAt", "Outcome")
                    VALUES ('7C2E5B54-3E6B-4E0F-9C1A-1D2E3F4A5B6C', 'ops-slack', 'Slack', 'Trigger', NULL, 'Kept title', 'Low', 'alice', 0, 'Delivered');
                    INSERT INTO "NotificationAttempts" ("DeliveryId", "Number", "At", "LatencyMs", "Delivered", "Status", "StatusCode", "Error", "WillRetry")
                    VALUES ('7C2E5B54-3E6B-4E0F-9C1A-1D2E3F4A5B6C', 1, 0, 12, 1, 'HTTP 200', 200, NULL, 0);
                    """);
            }

            await using var after = Sqlite(connectionString);
            await after.Database.MigrateAsync();
            var attempt = await after.Attempts.AsNoTracking().Include(a => a.Delivery).SingleAsync();

            Assert.Equal(("ops-slack", "Kept title", "HTTP 200"), (attempt.Delivery!.Channel, attempt.Delivery.Title, attempt.Status));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SqliteAlertsDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteAlertsDbContext>().UseSqlite(connectionString).Options);
}
