using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Pages;

/// <summary>The alert list's filters as the URL holds them (<c>?state=triggered,acknowledged&amp;severity=critical&amp;source=alarm&amp;q=cpu</c>),
/// so a shared link shows the same list.</summary>
public sealed record AlertListQuery(AlertFilter Filter, AlertGrouping Grouping)
{
    public const string StateKey = "state";
    public const string SeverityKey = "severity";
    public const string SourceKey = "source";
    public const string TextKey = "q";
    public const string GroupKey = "group";

    public static AlertListQuery From(string? states, string? severities, string? sources, string? text, string? grouping) => new(
        new AlertFilter
        {
            States = Parse<AlertState>(states),
            Severities = Parse<AlertSeverity>(severities),
            Sources = Parse<AlertSource>(sources),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        },
        AlertNames.TryParse<AlertGrouping>(grouping, out var parsed) ? parsed : AlertGrouping.Problem);

    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        [StateKey] = Join(Filter.States),
        [SeverityKey] = Join(Filter.Severities),
        [SourceKey] = Join(Filter.Sources),
        [TextKey] = Filter.Text,
        [GroupKey] = Grouping == AlertGrouping.Problem ? null : Grouping.Name(),
    };

    private static HashSet<T> Parse<T>(string? csv) where T : struct, Enum =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => AlertNames.TryParse<T>(part, out var value) ? value : (T?)null)
            .OfType<T>()
            .ToHashSet();

    private static string? Join<T>(IReadOnlySet<T> values) where T : struct, Enum =>
        values.Count == 0 ? null : string.Join(",", values.Order().Select(v => v.Name()));
}
