using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>The PostgreSQL database, for several console instances sharing state (<c>Alerts:Provider=postgres</c>).</summary>
public sealed class PostgresAlertsDbContext(DbContextOptions<PostgresAlertsDbContext> options) : AlertsDbContext(options)
{
    public override bool IsUniqueViolation(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)
        is { SqlState: PostgresErrorCodes.UniqueViolation };
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresAlertsDbContext</c> build the context without a server.</summary>
public sealed class PostgresAlertsDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresAlertsDbContext>
{
    public PostgresAlertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAlertsDbContext>().UseNpgsql("Host=localhost;Database=kessan").Options);
}
