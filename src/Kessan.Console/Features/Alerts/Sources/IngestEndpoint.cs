using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary><c>POST /api/alerts</c>: the backend AlertManager's alerts. 401 for a missing or wrong
/// <c>X-Api-Key</c>, 400 naming each wrong field, else what recording did.</summary>
public sealed partial class IngestEndpoint(IngestApiKeys keys, AlertStore store, ILogger<IngestEndpoint> logger)
{
    public const string Path = "/api/alerts";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!keys.Accepts(request.Headers[IngestApiKeys.Header]))
        {
            LogRefused(request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated",
                detail: $"A valid {IngestApiKeys.Header} header is required.");
        }
        JsonElement payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"is not valid JSON: {exception.Message}"] });
        }
        if (!ApplicationAlertReport.TryRead(payload, out var report, out var errors))
        {
            return Results.ValidationProblem(errors);
        }
        var outcome = await store.RecordAsync(report.ToSignal(), cancellationToken);
        return Results.Json(IngestReply.From(outcome), AlertJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an alert from {RemoteAddress}: missing or wrong API key")]
    private partial void LogRefused(string? remoteAddress);
}

/// <summary>The ingest answer: <c>outcome</c> is opened, repeated, resolved, already-recorded, nothing-open or
/// outdated; <c>alert</c> the alert as stored when something changed.</summary>
public sealed record IngestReply(string Outcome, Alert? Alert)
{
    public static IngestReply From(SignalOutcome outcome) => outcome switch
    {
        SignalOutcome.Opened opened => new("opened", opened.Alert),
        SignalOutcome.Repeated repeated => new("repeated", repeated.Alert),
        SignalOutcome.Resolved resolved => new("resolved", resolved.Alert),
        SignalOutcome.AlreadyRecorded => new("already-recorded", null),
        SignalOutcome.NothingOpen => new("nothing-open", null),
        _ => new("outdated", null),
    };
}
