using System.Security.Claims;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.Console.Features.Notifications.Delivery;
using Microsoft.AspNetCore.Authorization;

namespace Kessan.Console.Features.Notifications;

/// <summary>The answer to a test send.</summary>
public abstract record TestSendResult
{
    private TestSendResult()
    {
    }

    /// <summary>Queued: one delivery per channel, each followed on the <see cref="NotificationFeed"/>.</summary>
    public sealed record Sent(IReadOnlyList<TestDelivery> Deliveries) : TestSendResult;

    public sealed record NotPermitted : TestSendResult
    {
        public static NotPermitted Instance { get; } = new();

        public string Message => "Sending test notifications needs the Operator role.";
    }

    public sealed record UnknownChannel(string Name) : TestSendResult
    {
        public string Message => $"There is no notification channel named '{Name}'.";
    }
}

/// <summary>One channel a test went to and the delivery that follows it.</summary>
public sealed record TestDelivery(string Channel, Guid DeliveryId);

/// <summary>Test sends on behalf of a signed-in user: the Operator policy is checked here, on the server, for every
/// caller (page or HTTP API), whatever the screen showed.</summary>
public sealed class TestSends(IAuthorizationService authorization, ChannelCatalog catalog, NotificationDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>A clearly marked test message to one channel, as a low-severity trigger.</summary>
    /// <exception cref="Storage.DeliveryLogException">The delivery could not be recorded.</exception>
    public async Task<TestSendResult> SendTestAsync(ClaimsPrincipal user, string channelName, CancellationToken cancellationToken)
    {
        if (!await IsOperatorAsync(user))
        {
            return TestSendResult.NotPermitted.Instance;
        }
        if (catalog.Find(channelName) is not { } channel)
        {
            return new TestSendResult.UnknownChannel(channelName);
        }
        var actor = AlertAcknowledgement.ActorOf(user);
        var notification = Notification.Test(AlertSeverity.Low, channel.Name, actor, NewTestId(), clock.GetUtcNow());
        return await SendAsync([channel], notification, actor, cancellationToken);
    }

    /// <summary>A test alert of <paramref name="severity"/> through the routing rules: it goes to exactly the channels
    /// a real alert of that severity would.</summary>
    /// <exception cref="Storage.DeliveryLogException">The delivery could not be recorded.</exception>
    public async Task<TestSendResult> SendTestAlertAsync(ClaimsPrincipal user, AlertSeverity severity, CancellationToken cancellationToken)
    {
        if (!await IsOperatorAsync(user))
        {
            return TestSendResult.NotPermitted.Instance;
        }
        var actor = AlertAcknowledgement.ActorOf(user);
        var notification = Notification.Test(severity, null, actor, NewTestId(), clock.GetUtcNow());
        return await SendAsync(catalog.Routing.ChannelsFor(severity), notification, actor, cancellationToken);
    }

    private async Task<TestSendResult> SendAsync(IEnumerable<ChannelDefinition> channels, Notification notification, string actor, CancellationToken cancellationToken)
    {
        var deliveries = new List<TestDelivery>();
        foreach (var channel in channels)
        {
            if (await dispatcher.EnqueueAsync(channel, notification, actor, cancellationToken) is { } id)
            {
                deliveries.Add(new TestDelivery(channel.Name, id));
            }
        }
        return new TestSendResult.Sent(deliveries);
    }

    private async Task<bool> IsOperatorAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, KessanPolicies.Operator)).Succeeded;

    private static string NewTestId() => Guid.NewGuid().ToString("N")[..12];
}
