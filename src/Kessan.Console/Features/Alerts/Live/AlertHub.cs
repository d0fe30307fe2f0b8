using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kessan.Console.Features.Alerts.Live;

/// <summary><c>/hubs/alerts</c>: the alert stream for signed-in non-Blazor clients (wallboards, scripts). The server
/// sends <c>alertChanged</c> with an <see cref="AlertChange"/> as JSON for every change; clients may call
/// <c>Acknowledge(alertId, note)</c>, which needs the Operator role.</summary>
[Authorize(Policy = KessanPolicies.Viewer)]
public sealed class AlertHub(AlertAcknowledgement acknowledgement) : Hub
{
    public const string Path = "/hubs/alerts";
    public const string AlertChanged = "alertChanged";

    /// <summary>Acknowledges an alert as the connected user. Refused with a <see cref="HubException"/> for a user
    /// without the Operator role, a too-long note, or a database that cannot be written.</summary>
    public async Task<AcknowledgeReply> Acknowledge(long alertId, string? note)
    {
        AcknowledgeResult result;
        try
        {
            result = await acknowledgement.AcknowledgeAsync(Context.User!, alertId, note, Context.ConnectionAborted);
        }
        catch (Exception exception) when (exception is ArgumentException or AlertStoreException)
        {
            throw new HubException(exception.Message);
        }
        return result is AcknowledgeResult.NotPermitted ? throw new HubException(result.Message) : AcknowledgeReply.From(result);
    }
}
