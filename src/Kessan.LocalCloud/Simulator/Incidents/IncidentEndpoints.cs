using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Simulator.Incidents;

/// <summary><c>GET /_localcloud/incidents</c> lists active and upcoming incidents; <c>POST</c> starts one now, e.g.
/// <c>{"type":"error-burst","minutes":15}</c>, answering 201 with the incident.</summary>
public static class IncidentEndpoints
{
    public const string Path = "/_localcloud/incidents";

    /// <summary>Longest on-demand incident, the same bound as <c>LocalCloud:Simulator:IncidentDuration</c>.</summary>
    public const int MaxMinutes = 360;

    private const int UpcomingShown = 5;
    private const string Example = """{"type":"latency-spike","minutes":20}""";

    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, List);
        endpoints.MapPost(Path, StartAsync);
        return endpoints;
    }

    internal static IResult List(IncidentCalendar calendar) =>
        Results.Json(
            new IncidentListing(
                [.. calendar.ActiveNow().Select(IncidentView.Of)],
                [.. calendar.Upcoming(UpcomingShown).Select(IncidentView.Of)]),
            IncidentJsonContext.Default.IncidentListing);

    internal static async Task<IResult> StartAsync(
        HttpRequest request,
        IncidentCalendar calendar,
        IOptions<LocalCloudOptions> options,
        CancellationToken cancellationToken)
    {
        var simulator = options.Value.Simulator;
        if (!simulator.Enabled)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                detail: "The traffic simulator is disabled (LocalCloud:Simulator:Enabled=false), so there is no traffic for an incident to affect.");
        }

        StartIncidentRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, IncidentJsonContext.Default.StartIncidentRequest, cancellationToken);
        }
        catch (JsonException exception) when (exception.Path == "$.minutes")
        {
            return BadRequest(MinutesRule("something else"));
        }
        catch (JsonException exception)
        {
            return BadRequest($"The body must be a JSON object such as {Example}: {exception.Message}");
        }

        if (body is null)
        {
            return BadRequest($"The body must be a JSON object such as {Example}, not null.");
        }

        if (!IncidentKinds.TryParse(body.Type, out var kind))
        {
            return BadRequest(body.Type is null
                ? $"\"type\" is missing; expected one of {IncidentKinds.Accepted}."
                : $"Unknown incident type \"{body.Type}\"; expected one of {IncidentKinds.Accepted}.");
        }

        if (body.Minutes is < 1 or > MaxMinutes)
        {
            return BadRequest(MinutesRule(body.Minutes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var duration = body.Minutes is { } minutes ? TimeSpan.FromMinutes(minutes) : simulator.IncidentDuration;
        var incident = calendar.Start(kind, duration);
        return Results.Json(IncidentView.Of(incident), IncidentJsonContext.Default.IncidentView, statusCode: StatusCodes.Status201Created);
    }

    private static string MinutesRule(string got) =>
        $"\"minutes\" must be a whole number from 1 to {MaxMinutes} (omit it for the configured IncidentDuration); got {got}.";

    private static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: detail);
}
