using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>Opens contexts on the configured database (SQLite file by default, PostgreSQL on request) and brings its
/// schema up to date at start.</summary>
public sealed partial class AlertsDatabase : IDbContextFactory<AlertsDbContext>
{
    private readonly AlertOptions _options;
    private readonly DbContextOptions<SqliteAlertsDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresAlertsDbContext>? _postgres;
    private readonly ILogger<AlertsDatabase> _logger;

    public AlertsDatabase(IOptions<AlertOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory, ILogger<AlertsDatabase> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (_options.Provider == AlertDatabaseProvider.Postgres)
        {
            _postgres = new DbContextOptionsBuilder<PostgresAlertsDbContext>()
                .UseNpgsql(_options.ConnectionString)
                .UseLoggerFactory(loggerFactory)
                .Options;
        }
        else
        {
            _sqlite = new DbContextOptionsBuilder<SqliteAlertsDbContext>()
                .UseSqlite(SqliteConnectionString(_options, environment.ContentRootPath))
                .UseLoggerFactory(loggerFactory)
                .Options;
        }
    }

    public AlertDatabaseProvider Provider => _options.Provider;

    public AlertsDbContext CreateDbContext() =>
        _postgres is not null ? new PostgresAlertsDbContext(_postgres) : new SqliteAlertsDbContext(_sqlite!);

    /// <summary>Applies pending migrations (EF takes a migration lock, so consoles starting together are safe) and
    /// turns on SQLite's write-ahead log, which lets readers go on while one writer writes.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateDbContext();
        if (_sqlite is not null && db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (_sqlite is not null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        LogMigrated(_options.Provider);
    }

    /// <summary><c>Alerts:ConnectionString</c> if given, else a pooled connection to <c>Alerts:Database</c>
    /// resolved against the content root.</summary>
    public static string SqliteConnectionString(AlertOptions options, string contentRoot) =>
        !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? options.ConnectionString
            : new SqliteConnectionStringBuilder
            {
                DataSource = Path.GetFullPath(options.Database, contentRoot),
                Pooling = true,
            }.ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert store ready ({Provider}), migrations applied")]
    private partial void LogMigrated(AlertDatabaseProvider provider);
}
