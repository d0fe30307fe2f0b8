namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>Brings the alert database up to date before anything else of the alerts feature starts; a database
/// that cannot be migrated stops the console with the reason.</summary>
public sealed class AlertsDatabaseMigration(AlertsDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
