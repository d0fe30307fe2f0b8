using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Sends one notification to one kind of channel, once. Answers what the provider said; a failure to reach
/// it is an <see cref="AttemptResult"/> too, not an exception. Cancellation (the attempt's timeout, shutdown)
/// surfaces as <see cref="OperationCanceledException"/>.</summary>
public interface IChannelSender
{
    ChannelKind Kind { get; }

    Task<AttemptResult> SendAsync(ChannelTarget target, Notification notification, CancellationToken cancellationToken);
}
