namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>A query that cannot run, with the characters at fault: a token that does not fit the grammar, an unknown
/// function, a field that no longer exists after <c>stats</c>.</summary>
public sealed class QueryCompileException(string problem, QuerySpan span) : Exception(problem)
{
    public QuerySpan Span { get; } = span;
}
