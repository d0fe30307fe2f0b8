using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Console.Tests.Alerts;

/// <summary>A migrated SQLite alert database in a temp folder, deleted on dispose. Each <see cref="NewConsole"/>
/// is a separate console instance on the same file (its own connections, feed and store), as after a restart or
/// beside a second console.</summary>
public sealed class AlertDatabaseFile : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kessan-alerts-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where <see cref="Clock"/> starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Path => System.IO.Path.Combine(_folder, "alerts.db");

    public ConsoleInstance NewConsole(string? connectionString = null)
    {
        var options = Options.Create(new AlertOptions { Database = Path, ConnectionString = connectionString });
        var database = new AlertsDatabase(options, new HostingEnvironment { ContentRootPath = _folder }, NullLoggerFactory.Instance, NullLogger<AlertsDatabase>.Instance);
        var feed = new AlertFeed(new InProcessAlertChangeTransport(), NullLogger<AlertFeed>.Instance);
        return new ConsoleInstance(database, feed, new AlertStore(database, feed, Clock, NullLogger<AlertStore>.Instance));
    }

    /// <summary>The same file, opened read-only: every write fails as on a full disk or a read-only volume.</summary>
    public ConsoleInstance NewReadOnlyConsole() =>
        NewConsole(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly }.ToString());

    public async Task InitializeAsync() => await NewConsole().Database.MigrateAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    public sealed record ConsoleInstance(AlertsDatabase Database, AlertFeed Feed, AlertStore Store);
}
