using System.Security.Claims;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Kessan.Console.Features.Alerts;

/// <summary>Acknowledging on behalf of a signed-in user: the Operator policy is checked here, on the server, for
/// every caller (page, HTTP API, hub), whatever the screen showed. The user's name is the actor.</summary>
public sealed class AlertAcknowledgement(IAuthorizationService authorization, AlertStore store)
{
    /// <summary><see cref="AcknowledgeResult.NotPermitted"/> unless <paramref name="user"/> meets
    /// <see cref="KessanPolicies.Operator"/>; otherwise what <see cref="AlertStore.AcknowledgeAsync"/> says.</summary>
    /// <exception cref="ArgumentException">The note is too long (see <see cref="AlertStore.MaxNoteLength"/>).</exception>
    /// <exception cref="AlertStoreException">The database could not be written; nothing was saved.</exception>
    public async Task<AcknowledgeResult> AcknowledgeAsync(ClaimsPrincipal user, long alertId, string? note, CancellationToken cancellationToken)
    {
        var allowed = await authorization.AuthorizeAsync(user, KessanPolicies.Operator);
        if (!allowed.Succeeded)
        {
            return AcknowledgeResult.NotPermitted.Instance;
        }
        return await store.AcknowledgeAsync(alertId, ActorOf(user), note, cancellationToken);
    }

    /// <summary>The name recorded in the audit trail: the identity's name, else its subject id.</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? "unknown user";
}

/// <summary>The answer to an acknowledgement, for the API and the hub: <c>outcome</c> is acknowledged,
/// already-acknowledged, already-resolved, not-found or not-permitted; <c>message</c> a sentence for the user.</summary>
public sealed record AcknowledgeReply(string Outcome, string Message, Alert? Alert, string? By, DateTimeOffset? At)
{
    public static AcknowledgeReply From(AcknowledgeResult result) => result switch
    {
        AcknowledgeResult.Acknowledged done => new("acknowledged", done.Message, done.Alert, done.Alert.AcknowledgedBy, done.Alert.AcknowledgedAt),
        AcknowledgeResult.AlreadyAcknowledged first => new("already-acknowledged", first.Message, null, first.By, first.At),
        AcknowledgeResult.AlreadyResolved resolved => new("already-resolved", resolved.Message, null, null, resolved.At),
        AcknowledgeResult.NotFound => new("not-found", result.Message, null, null, null),
        _ => new("not-permitted", result.Message, null, null, null),
    };
}
