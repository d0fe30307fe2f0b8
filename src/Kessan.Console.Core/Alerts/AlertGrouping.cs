namespace Kessan.Console.Core.Alerts;

/// <summary>How a list of alerts is grouped on screen.</summary>
public enum AlertGrouping
{
    None,
    Severity,
    Source,
    State,

    /// <summary>By dedup key: one group per alarm or application problem.</summary>
    Problem,
}

/// <summary>A group of alerts under one key ("critical", "alarm", "Kessan-prod-API-HighErrorRate").</summary>
public sealed record AlertGroup(string Key, IReadOnlyList<Alert> Alerts)
{
    /// <summary>Groups <paramref name="alerts"/>, keeping their order inside each group. Severity groups come most
    /// urgent first, state groups in lifecycle order, the others by key.</summary>
    public static IReadOnlyList<AlertGroup> Of(IEnumerable<Alert> alerts, AlertGrouping grouping)
    {
        var list = alerts.ToList();
        return grouping switch
        {
            AlertGrouping.None => [new AlertGroup("all", list)],
            AlertGrouping.Severity => Group(list, a => a.Severity, s => s.Name(), descending: true),
            AlertGrouping.Source => Group(list, a => a.Source, s => s.Name(), descending: false),
            AlertGrouping.State => Group(list, a => a.State, s => s.Name(), descending: false),
            AlertGrouping.Problem => Group(list, a => a.DedupKey, k => k, descending: false),
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
        };
    }

    private static List<AlertGroup> Group<TKey>(List<Alert> alerts, Func<Alert, TKey> key, Func<TKey, string> name, bool descending)
    {
        var groups = alerts.GroupBy(key);
        var ordered = descending ? groups.OrderByDescending(g => g.Key) : groups.OrderBy(g => g.Key);
        return ordered.Select(g => new AlertGroup(name(g.Key), g.ToList())).ToList();
    }
}
