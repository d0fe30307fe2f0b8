using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>The SQLite database (the default): a file, WAL journal, times as epoch milliseconds so that SQL can
/// compare and order them.</summary>
public sealed class SqliteAlertsDbContext(DbContextOptions<SqliteAlertsDbContext> options) : AlertsDbContext(options)
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    public override bool IsUniqueViolation(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException)
        is { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteAlertsDbContext</c> build the context without the app.</summary>
public sealed class SqliteAlertsDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteAlertsDbContext>
{
    public SqliteAlertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAlertsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
