using Kessan.Console.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Notifications.Channels;

/// <summary>The channels the console knows, checked: from <c>Notifications:Channels</c>, or, when none are configured,
/// the defaults (local mode's receivers). Built once, at start, with a warning for each channel that cannot send.</summary>
public sealed partial class ChannelCatalog(
    IOptions<NotificationOptions> options, IEnumerable<IDefaultChannels> defaults, ILogger<ChannelCatalog> logger)
{
    private readonly Lazy<IReadOnlyList<ChannelDefinition>> _channels = new(() => Load(options.Value, defaults, logger));
    private RoutingTable? _routing;

    public IReadOnlyList<ChannelDefinition> All => _channels.Value;

    /// <summary>The routing rules of <see cref="All"/>, built on first use: channels do not change while the console runs.</summary>
    public RoutingTable Routing => _routing ??= new RoutingTable(All);

    public ChannelDefinition? Find(string name) =>
        All.FirstOrDefault(channel => string.Equals(channel.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<ChannelDefinition> Load(NotificationOptions options, IEnumerable<IDefaultChannels> defaults, ILogger logger)
    {
        var configured = options.Channels.Count > 0;
        var settings = configured
            ? options.Channels
            : defaults.SelectMany(source => source.Channels()).ToDictionary(StringComparer.OrdinalIgnoreCase);
        var channels = settings.Select(entry => ChannelDefinition.Read(entry.Key, entry.Value)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var channel in channels)
        {
            if (channel.HasUnknownType)
            {
                LogUnknownType(logger, channel.Name, channel.Type, ChannelDefinition.Expected);
            }
            else if (!channel.IsUsable)
            {
                LogMisconfigured(logger, channel.Name, channel.Problem!);
            }
        }
        LogLoaded(logger, channels.Count(c => c.IsUsable), channels.Count, configured ? "configuration" : "the defaults");
        return channels;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} has unknown type '{Type}' (expected {Expected}); it sends nothing")]
    private static partial void LogUnknownType(ILogger logger, string channel, string type, string expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} is misconfigured and sends nothing: {Problem}")]
    private static partial void LogMisconfigured(ILogger logger, string channel, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications: {Usable} of {Count} channels ready, from {Origin}")]
    private static partial void LogLoaded(ILogger logger, int usable, int count, string origin);
}
