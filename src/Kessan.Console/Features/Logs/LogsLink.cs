using Kessan.Console.Core.Time;
using Kessan.Console.Shared.Time;

namespace Kessan.Console.Features.Logs;

/// <summary>What the /logs URL holds besides the view's time: <c>?q=&lt;query&gt;&amp;groups=a,b&amp;from=now-1h&amp;to=now</c>.
/// Opening such a URL runs the query, so a shared link reproduces it.</summary>
public sealed record LogsLink(string Query, IReadOnlyList<string> Groups)
{
    public const string Path = "/logs";
    public const string QueryKey = "q";
    public const string GroupsKey = "groups";

    /// <summary>Reads the <c>q</c> and <c>groups</c> values as the URL gives them (groups comma-separated; log group
    /// names cannot hold a comma).</summary>
    public static LogsLink FromQuery(string? query, string? groups) =>
        new(query ?? "", [.. (groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]);

    /// <summary>The query parameters for NavigationManager.GetUriWithQueryParameters, time included.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery(ViewTime time)
    {
        var parameters = new Dictionary<string, object?>(time.ToQuery())
        {
            [QueryKey] = Query.Length == 0 ? null : Query,
            [GroupsKey] = Groups.Count == 0 ? null : string.Join(',', Groups),
        };
        return parameters;
    }

    /// <summary>A link to /logs with this query over <paramref name="range"/>.</summary>
    public string ToUrl(TimeRange range)
    {
        var parts = new List<string>();
        if (Query.Length > 0)
        {
            parts.Add($"{QueryKey}={Uri.EscapeDataString(Query)}");
        }
        if (Groups.Count > 0)
        {
            parts.Add($"{GroupsKey}={Uri.EscapeDataString(string.Join(',', Groups))}");
        }
        parts.Add($"{ViewTime.FromKey}={Uri.EscapeDataString(range.From.ToUrlValue())}");
        parts.Add($"{ViewTime.ToKey}={Uri.EscapeDataString(range.To.ToUrlValue())}");
        return Path + "?" + string.Join("&", parts);
    }

    public bool SameAs(LogsLink other) => Query == other.Query && Groups.SequenceEqual(other.Groups, StringComparer.Ordinal);

    /// <summary>"Logs around this alert": the errors query over the API log group, from 15 minutes before the alert
    /// fired to 15 minutes after it resolved (or now, while it is open).</summary>
    public static string AroundAlert(DateTimeOffset triggeredAt, DateTimeOffset? resolvedAt, string? apiLogGroup)
    {
        var margin = TimeSpan.FromMinutes(15);
        var range = new TimeRange(
            TimeExpression.At(triggeredAt - margin),
            resolvedAt is { } resolved ? TimeExpression.At(resolved + margin) : TimeExpression.Now);
        return new LogsLink(Core.Logs.SeedQueries.Errors.QueryString, apiLogGroup is null ? [] : [apiLogGroup]).ToUrl(range);
    }
}
