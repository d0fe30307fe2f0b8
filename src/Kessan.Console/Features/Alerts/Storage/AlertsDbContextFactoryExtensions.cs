using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>One unit of work on the console's database for the stores that share it (delivery log, saved queries).</summary>
public static class AlertsDbContextFactoryExtensions
{
    /// <summary>Runs <paramref name="work"/> on a new context. A database failure (refused write, unreachable server)
    /// is thrown as what <paramref name="failure"/> makes of it — the store's own exception, whose message a page can
    /// show — so callers never see provider exceptions.</summary>
    public static async Task<T> UseAsync<T>(
        this IDbContextFactory<AlertsDbContext> database, Func<AlertsDbContext, Task<T>> work, Func<Exception, Exception> failure)
    {
        try
        {
            await using var db = database.CreateDbContext();
            return await work(db);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            throw failure(exception);
        }
    }
}
