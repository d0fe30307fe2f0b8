using System.Diagnostics.CodeAnalysis;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Features.Notifications;

/// <summary>The delivery log's filters as URLs hold them: <c>channel=ops-slack&amp;outcome=failed&amp;kind=test</c>.</summary>
public static class AttemptQuery
{
    public const string ChannelKey = "channel";
    public const string OutcomeKey = "outcome";
    public const string KindKey = "kind";

    public static bool TryParse(string? channel, string? outcome, string? kind, [NotNullWhen(true)] out AttemptFilter? filter, out string? problem)
    {
        filter = null;
        problem = null;
        bool? delivered = outcome?.Trim().ToLowerInvariant() switch
        {
            null or "" or "any" => null,
            "delivered" => true,
            "failed" => false,
            _ => Refuse(ref problem, $"outcome must be delivered or failed, not '{outcome}'."),
        };
        bool? tests = kind?.Trim().ToLowerInvariant() switch
        {
            null or "" or "any" => null,
            "test" => true,
            "alert" => false,
            _ => Refuse(ref problem, $"kind must be alert or test, not '{kind}'."),
        };
        if (problem is not null)
        {
            return false;
        }
        filter = new AttemptFilter(string.IsNullOrWhiteSpace(channel) ? null : channel.Trim(), delivered, tests);
        return true;
    }

    /// <summary>The query parameters for <paramref name="filter"/>, for NavigationManager.GetUriWithQueryParameters.</summary>
    public static IReadOnlyDictionary<string, object?> ToQuery(AttemptFilter filter) => new Dictionary<string, object?>
    {
        [ChannelKey] = filter.Channel,
        [OutcomeKey] = filter.Delivered switch { true => "delivered", false => "failed", _ => null },
        [KindKey] = filter.Tests switch { true => "test", false => "alert", _ => null },
    };

    private static bool? Refuse(ref string? problem, string message)
    {
        problem = message;
        return null;
    }
}
