namespace Kessan.Console.Core.Dashboards;

/// <summary>
/// A parsed CloudWatch dashboard body. <see cref="Problem"/> is set, and there are no widgets, when the body
/// as a whole cannot be read; a single bad widget is an <see cref="UndrawableWidget"/> instead.
/// </summary>
public sealed record DashboardDefinition(IReadOnlyList<DashboardWidget> Widgets, string? Problem)
{
    public IReadOnlyList<DashboardWidget> Widgets { get; init => field = ValueList<DashboardWidget>.Of(value); } =
        ValueList<DashboardWidget>.Of(Widgets);

    /// <summary>The body's own <c>start</c>, as written (<c>-PT6H</c> or an ISO time); null when absent.</summary>
    public string? Start { get; init; }

    /// <summary>The body's own <c>end</c>, as written; null when absent (CloudWatch then means now).</summary>
    public string? End { get; init; }

    public PeriodOverride? PeriodOverride { get; init; }

    internal static DashboardDefinition Unreadable(string problem) => new([], problem);
}

/// <summary>The body's <c>periodOverride</c>: adapt every graph's period to the range, or keep each graph's own.</summary>
public enum PeriodOverride
{
    Auto,
    Inherit,
}
