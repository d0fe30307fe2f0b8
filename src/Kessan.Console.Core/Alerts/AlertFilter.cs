namespace Kessan.Console.Core.Alerts;

/// <summary>Narrows a list of alerts; an empty set or null text lets everything through.</summary>
public sealed record AlertFilter
{
    public static AlertFilter All { get; } = new();

    public IReadOnlySet<AlertState> States { get; init; } = new HashSet<AlertState>();
    public IReadOnlySet<AlertSeverity> Severities { get; init; } = new HashSet<AlertSeverity>();
    public IReadOnlySet<AlertSource> Sources { get; init; } = new HashSet<AlertSource>();

    /// <summary>Found, ignoring case, in the title, message or dedup key.</summary>
    public string? Text { get; init; }

    public bool Matches(Alert alert) =>
        (States.Count == 0 || States.Contains(alert.State))
        && (Severities.Count == 0 || Severities.Contains(alert.Severity))
        && (Sources.Count == 0 || Sources.Contains(alert.Source))
        && (string.IsNullOrWhiteSpace(Text) || Contains(alert.Title) || Contains(alert.Message) || Contains(alert.DedupKey));

    private bool Contains(string field) => field.Contains(Text!.Trim(), StringComparison.OrdinalIgnoreCase);
}
