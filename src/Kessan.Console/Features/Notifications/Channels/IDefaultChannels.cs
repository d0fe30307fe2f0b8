using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications.Channels;

/// <summary>Channels to use when none are configured (local mode points them at LocalCloud's receivers). Read once,
/// after the hosted services registered before notifications have started.</summary>
public interface IDefaultChannels
{
    IReadOnlyDictionary<string, ChannelSettings> Channels();
}
