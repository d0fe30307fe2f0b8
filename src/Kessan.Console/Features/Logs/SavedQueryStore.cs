using System.Globalization;
using System.Security.Claims;
using Kessan.Console.Core.Logs;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Storage;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Logs.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Logs;

/// <summary>A query the page offers: one of the seed's (<see cref="SavedBy"/> null) or one a user saved for the team.</summary>
public sealed record SavedQueryEntry(SavedQuery Query, string? SavedBy, DateTimeOffset? SavedAt)
{
    public bool IsSeed => SavedBy is null;
}

/// <summary>The answer to saving or deleting a query.</summary>
public abstract record SavedQueryResult
{
    private SavedQueryResult()
    {
    }

    public abstract string Message { get; }

    public sealed record Saved(SavedQueryEntry Entry) : SavedQueryResult
    {
        public override string Message => $"Saved “{Entry.Query.Name}” for everyone.";
    }

    public sealed record Deleted(string Name) : SavedQueryResult
    {
        public override string Message => $"Deleted “{Name}”.";
    }

    public sealed record NotPermitted : SavedQueryResult
    {
        public static NotPermitted Instance { get; } = new();

        public override string Message => "Saving and deleting shared queries needs the Operator role.";
    }

    public sealed record Invalid(string Problem) : SavedQueryResult
    {
        public override string Message => Problem;
    }

    public sealed record NotFound(string Id) : SavedQueryResult
    {
        public override string Message => $"There is no saved query '{Id}'; someone may have deleted it.";
    }
}

/// <summary>The saved Logs Insights queries, shared by everyone: the seed's four and those users saved, in the
/// alerts database. Everyone reads; saving and deleting need <see cref="KessanPolicies.Operator"/>, checked here on
/// the server for every caller (page or HTTP API).</summary>
public sealed partial class SavedQueryStore(
    IDbContextFactory<AlertsDbContext> database, IAuthorizationService authorization, TimeProvider clock, ILogger<SavedQueryStore> logger)
{
    private const string IdPrefix = "saved-";

    /// <summary>Raised after a query was saved or deleted through this console, so every open list shows it.</summary>
    public event Action? Changed;

    /// <summary>The seed's queries, which need no database: what the page offers when the database cannot be read.</summary>
    public static IReadOnlyList<SavedQueryEntry> SeedEntries { get; } = [.. SeedQueries.All.Select(query => new SavedQueryEntry(query, null, null))];

    /// <summary>The seed's queries first, in the guide's order, then the saved ones by name.</summary>
    /// <exception cref="SavedQueryStoreException">The database could not be read.</exception>
    public Task<IReadOnlyList<SavedQueryEntry>> ListAsync(CancellationToken cancellationToken) =>
        UseAsync("read the saved queries", async db =>
        {
            var stored = await db.SavedQueries.AsNoTracking().ToListAsync(cancellationToken);
            return (IReadOnlyList<SavedQueryEntry>)
            [
                .. SeedEntries,
                .. stored.OrderBy(query => query.Name, StringComparer.OrdinalIgnoreCase).Select(ToEntry),
            ];
        });

    /// <summary>Saves <paramref name="queryString"/> as <paramref name="name"/> for everyone; a saved query of the
    /// same name is replaced.</summary>
    /// <exception cref="SavedQueryStoreException">The database could not be written.</exception>
    public async Task<SavedQueryResult> SaveAsync(ClaimsPrincipal user, string? name, string? queryString, string? description, CancellationToken cancellationToken)
    {
        if (!await IsOperatorAsync(user))
        {
            return SavedQueryResult.NotPermitted.Instance;
        }
        var trimmedName = name?.Trim() ?? "";
        if (Problem(trimmedName, queryString, description) is { } problem)
        {
            return new SavedQueryResult.Invalid(problem);
        }

        var actor = AlertAcknowledgement.ActorOf(user);
        var now = clock.DatabaseNow();
        return await UseAsync<SavedQueryResult>("save the query", async db =>
        {
            var stored = await db.SavedQueries.FirstOrDefaultAsync(query => query.Name == trimmedName, cancellationToken);
            if (stored is null)
            {
                stored = new StoredSavedQuery { Name = trimmedName, QueryString = queryString!, SavedBy = actor };
                db.SavedQueries.Add(stored);
            }
            stored.QueryString = queryString!;
            stored.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
            stored.SavedBy = actor;
            stored.SavedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                return new SavedQueryResult.Invalid($"Someone saved a query named “{trimmedName}” at the same moment; save again to replace it.");
            }
            LogSaved(trimmedName, actor);
            Changed?.Invoke();
            return new SavedQueryResult.Saved(ToEntry(stored));
        });
    }

    /// <summary>Deletes a saved query by its id (<c>saved-…</c>); the seed's queries cannot be deleted.</summary>
    /// <exception cref="SavedQueryStoreException">The database could not be written.</exception>
    public async Task<SavedQueryResult> DeleteAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (!await IsOperatorAsync(user))
        {
            return SavedQueryResult.NotPermitted.Instance;
        }
        if (SeedQueries.Find(id) is { } seed)
        {
            return new SavedQueryResult.Invalid($"“{seed.Name}” is one of the seed's queries and cannot be deleted.");
        }
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal)
            || !long.TryParse(id.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var key))
        {
            return new SavedQueryResult.NotFound(id);
        }

        var actor = AlertAcknowledgement.ActorOf(user);
        return await UseAsync("delete the query", async db =>
        {
            var stored = await db.SavedQueries.FirstOrDefaultAsync(query => query.Id == key, cancellationToken);
            if (stored is null)
            {
                return (SavedQueryResult)new SavedQueryResult.NotFound(id);
            }
            db.SavedQueries.Remove(stored);
            await db.SaveChangesAsync(cancellationToken);
            LogDeleted(stored.Name, actor);
            Changed?.Invoke();
            return new SavedQueryResult.Deleted(stored.Name);
        });
    }

    private static string? Problem(string name, string? queryString, string? description) =>
        name.Length == 0 ? "The name is empty: give the query a name the team will recognise."
        : name.Length > SavedQueryModel.MaxNameLength ? $"The name has {name.Length} characters; at most {SavedQueryModel.MaxNameLength} are allowed."
        : string.IsNullOrWhiteSpace(queryString) ? "The query is empty: there is nothing to save."
        : queryString.Length > SavedQueryModel.MaxQueryLength ? $"The query has {queryString.Length} characters; at most {SavedQueryModel.MaxQueryLength} are allowed."
        : description is { Length: > SavedQueryModel.MaxDescriptionLength } ? $"The description has {description.Length} characters; at most {SavedQueryModel.MaxDescriptionLength} are allowed."
        : null;

    /// <summary>Whether the user may save and delete queries; a page asks to offer only what the store will allow.</summary>
    public async Task<bool> IsOperatorAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, KessanPolicies.Operator)).Succeeded;

    private static SavedQueryEntry ToEntry(StoredSavedQuery stored) =>
        new(new SavedQuery(IdPrefix + stored.Id.ToString(CultureInfo.InvariantCulture), stored.Name, stored.Description ?? "", stored.QueryString),
            stored.SavedBy, stored.SavedAt);

    private Task<T> UseAsync<T>(string action, Func<AlertsDbContext, Task<T>> work) =>
        database.UseAsync(work, exception =>
        {
            LogDatabaseFailed(exception, action);
            return new SavedQueryStoreException($"Could not {action}: the database is not available.", exception);
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved log query {Name} by {Actor}")]
    private partial void LogSaved(string name, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted saved log query {Name} by {Actor}")]
    private partial void LogDeleted(string name, string actor);

    [LoggerMessage(Level = LogLevel.Error, Message = "The saved query store failed to {Action}")]
    private partial void LogDatabaseFailed(Exception exception, string action);
}

/// <summary>The saved queries' database could not be read or written.</summary>
public sealed class SavedQueryStoreException(string message, Exception innerException) : Exception(message, innerException);
