using System.Security.Claims;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;
using Kessan.Console.Core.Time;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.Console.Features.Notifications.Storage;

namespace Kessan.Console.Features.Notifications;

/// <summary>The notifications' HTTP surface for scripts, in the alerts' JSON conventions: the channels (secrets masked) and the delivery log need
/// Viewer; test sends need Operator, checked again by <see cref="TestSends"/> whatever the route says.</summary>
public static class NotificationEndpoints
{
    public static WebApplication MapNotifications(this WebApplication app)
    {
        var api = app.MapGroup("/api/notifications").RequireAuthorization(KessanPolicies.Viewer);
        api.MapGet("/channels", (ChannelCatalog catalog) => Results.Json(catalog.All.Select(ChannelView.Of), AlertJson.Options));
        api.MapPost("/channels/{name}/test", SendTestAsync).RequireAuthorization(KessanPolicies.Operator);
        api.MapPost("/test-alert", SendTestAlertAsync).RequireAuthorization(KessanPolicies.Operator);
        api.MapGet("/attempts", ListAttemptsAsync);
        return app;
    }

    private static async Task<IResult> SendTestAsync(string name, ClaimsPrincipal user, TestSends tests, CancellationToken cancellationToken) =>
        Answer(await tests.SendTestAsync(user, name, cancellationToken));

    private static async Task<IResult> SendTestAlertAsync(TestAlertRequest? body, ClaimsPrincipal user, TestSends tests, CancellationToken cancellationToken)
    {
        if (!AlertNames.TryParse<AlertSeverity>(body?.Severity, out var severity))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["severity"] = [$"must be {AlertNames.Expected<AlertSeverity>()}, not '{body?.Severity}'."],
            });
        }
        return Answer(await tests.SendTestAlertAsync(user, severity, cancellationToken));
    }

    /// <summary>Query: channel, outcome (delivered | failed), kind (alert | test), from/to as the pages' URLs give them.</summary>
    private static async Task<IResult> ListAttemptsAsync(
        string? channel, string? outcome, string? kind, string? from, string? to, DeliveryLog log, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!TimeRange.TryParse(from ?? TimeRange.Default.From.ToUrlValue(), to ?? TimeRange.Default.To.ToUrlValue(), now, out var range, out var error))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad time range", detail: error);
        }
        if (!AttemptQuery.TryParse(channel, outcome, kind, out var filter, out var problem))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad filter", detail: problem);
        }
        var window = range.Resolve(now);
        try
        {
            return Results.Json(await log.ListAttemptsAsync(filter, window.Start, window.End, cancellationToken), AlertJson.Options);
        }
        catch (DeliveryLogException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Delivery log unavailable", detail: exception.Message);
        }
    }

    private static IResult Answer(TestSendResult result) => result switch
    {
        TestSendResult.Sent sent => Results.Json(sent.Deliveries, AlertJson.Options, statusCode: StatusCodes.Status202Accepted),
        TestSendResult.UnknownChannel unknown => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: unknown.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not permitted", detail: TestSendResult.NotPermitted.Instance.Message),
    };
}

/// <summary>Body of <c>POST /api/notifications/test-alert</c>: <c>{"severity":"critical"}</c>.</summary>
public sealed record TestAlertRequest(string? Severity);

/// <summary>A channel as pages and the API show it: never a secret, only <see cref="Destination"/> with secrets masked.</summary>
public sealed record ChannelView(string Name, string Type, string? Destination, IReadOnlyList<AlertSeverity> Severities, string? Problem)
{
    public static ChannelView Of(ChannelDefinition channel) =>
        new(channel.Name, channel.Type, channel.Target?.Describe(), [.. channel.Severities.Order()], channel.Problem);
}
