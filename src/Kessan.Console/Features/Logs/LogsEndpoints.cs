using System.Security.Claims;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Auth;

namespace Kessan.Console.Features.Logs;

/// <summary>The saved queries for scripts, in the alerts' JSON conventions: reading needs Viewer; saving and deleting
/// need Operator, checked again by <see cref="SavedQueryStore"/> whatever the route says.</summary>
public static class LogsEndpoints
{
    public const string QueriesPath = "/api/logs/queries";

    public static WebApplication MapLogs(this WebApplication app)
    {
        var api = app.MapGroup(QueriesPath).RequireAuthorization(KessanPolicies.Viewer);
        api.MapGet("", ListAsync);
        api.MapPost("", SaveAsync).RequireAuthorization(KessanPolicies.Operator);
        api.MapDelete("/{id}", DeleteAsync).RequireAuthorization(KessanPolicies.Operator);
        return app;
    }

    private static Task<IResult> ListAsync(SavedQueryStore store, CancellationToken cancellationToken) =>
        AnswerAsync(async () => Results.Json(await store.ListAsync(cancellationToken), AlertJson.Options));

    private static Task<IResult> SaveAsync(SaveQueryRequest? body, ClaimsPrincipal user, SavedQueryStore store, CancellationToken cancellationToken) =>
        AnswerAsync(async () => Answer(await store.SaveAsync(user, body?.Name, body?.Query, body?.Description, cancellationToken)));

    private static Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, SavedQueryStore store, CancellationToken cancellationToken) =>
        AnswerAsync(async () => Answer(await store.DeleteAsync(user, id, cancellationToken)));

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (SavedQueryStoreException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Saved queries unavailable", detail: exception.Message);
        }
    }

    private static IResult Answer(SavedQueryResult result) => result switch
    {
        SavedQueryResult.Saved saved => Results.Json(saved.Entry, AlertJson.Options),
        SavedQueryResult.Deleted => Results.NoContent(),
        SavedQueryResult.Invalid invalid => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Cannot save", detail: invalid.Message),
        SavedQueryResult.NotFound notFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: notFound.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not permitted", detail: result.Message),
    };
}

/// <summary>Body of <c>POST /api/logs/queries</c>: <c>{"name":"Slow logins","query":"fields …","description":"…"}</c>.</summary>
public sealed record SaveQueryRequest(string? Name, string? Query, string? Description);
