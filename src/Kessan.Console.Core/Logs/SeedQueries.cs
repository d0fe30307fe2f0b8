namespace Kessan.Console.Core.Logs;

/// <summary>A Logs Insights query the console offers by name. The time window is not part of the text: it is the
/// time range the query runs over (StartQuery's startTime and endTime, from the time picker).</summary>
/// <param name="Id">Stable, URL-safe: what a link to the saved query names.</param>
public sealed record SavedQuery(string Id, string Name, string Description, string QueryString);

/// <summary>The four Logs Insights queries of the seed guide ("Common Log Queries"), corrected to valid syntax:
/// the <c>filter @timestamp &gt; @timestamp - 1h</c> lines are gone (the window comes from the time range), and the
/// aggregates are named with <c>as</c> so <c>sort</c> can refer to them (the seed's <c>sort avg desc</c> names no field).</summary>
public static class SeedQueries
{
    public static SavedQuery Errors { get; } = new(
        "errors",
        "Errors",
        "Application errors in the time range, newest first (the seed's \"all errors in the last hour\").",
        """
        fields @timestamp, @message, error_type, error_message, user_id
        | filter @message like /application_error/
        | sort @timestamp desc
        """);

    public static SavedQuery ApiPerformance { get; } = new(
        "api-performance",
        "API performance",
        "Requests slower than one second, by path: average and slowest response time and how many, slowest paths first.",
        """
        fields @timestamp, path, response_time_ms, status_code
        | filter @message like /api_request/
        | filter response_time_ms > 1000
        | stats avg(response_time_ms) as avg_response_time_ms, max(response_time_ms) as max_response_time_ms, count() as requests by path
        | sort avg_response_time_ms desc
        """);

    public static SavedQuery UserActivity { get; } = new(
        "user-activity",
        "User activity",
        "What users did in the time range, most frequent action first.",
        """
        fields @timestamp, user_id, action, details
        | filter @message like /user_action/
        | stats count() as actions by action
        | sort actions desc
        """);

    public static SavedQuery ExternalApiCost { get; } = new(
        "external-api-cost",
        "External API cost",
        "What calls to external APIs (the AI provider) cost in the time range, by provider, most expensive first.",
        """
        fields @timestamp, provider, cost_usd
        | filter @message like /external_api_call/
        | stats sum(cost_usd) as total_cost_usd by provider
        | sort total_cost_usd desc
        """);

    /// <summary>In the order the seed guide lists them.</summary>
    public static IReadOnlyList<SavedQuery> All { get; } = [Errors, ApiPerformance, UserActivity, ExternalApiCost];

    public static SavedQuery? Find(string id) => All.FirstOrDefault(query => string.Equals(query.Id, id, StringComparison.Ordinal));
}
