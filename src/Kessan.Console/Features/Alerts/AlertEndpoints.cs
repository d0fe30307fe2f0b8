using System.Security.Claims;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Time;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Sources;
using Kessan.Console.Features.Auth;
using Kessan.Console.Shared;

namespace Kessan.Console.Features.Alerts;

/// <summary>The alerts' HTTP surface: the two sources (SNS, ingest), a JSON API for non-Blazor clients, the CSV
/// export and the hub. Reading needs Viewer, acknowledging Operator.</summary>
public static class AlertEndpoints
{
    public const string HistoryCsvPath = "/alerts/history.csv";

    public static WebApplication MapAlerts(this WebApplication app)
    {
        // Sources authenticate by signature or API key, not by a signed-in user.
        app.MapPost(SnsEndpoint.Path, (SnsEndpoint sns, HttpRequest request, CancellationToken ct) => sns.HandleAsync(request, ct))
            .AllowAnonymous();
        app.MapPost(IngestEndpoint.Path, (IngestEndpoint ingest, HttpRequest request, CancellationToken ct) => ingest.HandleAsync(request, ct))
            .AllowAnonymous();

        var api = app.MapGroup("/api/alerts").RequireAuthorization(KessanPolicies.Viewer);
        api.MapGet("/", ListActiveAsync);
        api.MapGet("/{alertId:long}", FindAsync);
        api.MapPost("/{alertId:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(KessanPolicies.Operator);

        app.MapGet(HistoryCsvPath, HistoryCsvAsync).RequireAuthorization(KessanPolicies.Viewer);
        app.MapHub<AlertHub>(AlertHub.Path);
        return app;
    }

    /// <summary>Query: state, severity, source (each repeatable, by lowercase name) and text.</summary>
    private static async Task<IResult> ListActiveAsync(HttpRequest request, AlertStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new AlertFilter
        {
            States = Names<AlertState>(request, "state", errors),
            Severities = Names<AlertSeverity>(request, "severity", errors),
            Sources = Names<AlertSource>(request, "source", errors),
            Text = request.Query["text"].FirstOrDefault(),
        };
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        return Results.Json(await store.ListActiveAsync(filter, cancellationToken), AlertJson.Options);
    }

    private static async Task<IResult> FindAsync(long alertId, AlertStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(alertId, cancellationToken) is { } detail
            ? Results.Json(detail, AlertJson.Options)
            : NoSuchAlert(alertId);

    private static async Task<IResult> AcknowledgeAsync(
        long alertId, AcknowledgeRequest? body, ClaimsPrincipal user, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        AcknowledgeResult result;
        try
        {
            result = await acknowledgement.AcknowledgeAsync(user, alertId, body?.Note, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [exception.Message] });
        }
        catch (AlertStoreException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not saved", detail: exception.Message);
        }
        var reply = AcknowledgeReply.From(result);
        return result switch
        {
            AcknowledgeResult.Acknowledged => Results.Json(reply, AlertJson.Options),
            AcknowledgeResult.NotFound => NoSuchAlert(alertId),
            AcknowledgeResult.NotPermitted => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not permitted", detail: result.Message),
            _ => Results.Json(reply, AlertJson.Options, statusCode: StatusCodes.Status409Conflict),
        };
    }

    /// <summary>from/to as the pages' URLs give them (absolute ISO-8601 or relative like now-24h); default the last 3 hours.</summary>
    private static async Task<IResult> HistoryCsvAsync(string? from, string? to, AlertStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!TimeRange.TryParse(from, to, now, out var range, out var error))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad time range", detail: error);
        }
        var window = range.Resolve(now);
        var timeline = await store.HistoryAsync(window.Start, window.End, cancellationToken);
        var fileName = $"alerts-{window.Start.UtcDateTime:yyyyMMdd'T'HHmm'Z'}-{window.End.UtcDateTime:yyyyMMdd'T'HHmm'Z'}.csv";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(AlertTimelineCsv.Write(timeline)), CsvText.ContentType, fileName);
    }

    private static HashSet<TEnum> Names<TEnum>(HttpRequest request, string parameter, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        var values = new HashSet<TEnum>();
        foreach (var text in request.Query[parameter])
        {
            if (AlertNames.TryParse<TEnum>(text, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors[parameter] = [$"must be {AlertNames.Expected<TEnum>()}, not '{text}'."];
            }
        }
        return values;
    }

    private static IResult NoSuchAlert(long alertId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no alert {alertId}.");
}

/// <summary>Body of <c>POST /api/alerts/{id}/acknowledge</c>; the note is optional.</summary>
public sealed record AcknowledgeRequest(string? Note);
