namespace Kessan.LocalCloud.Logs.Insights;

// The parsed query, before it is checked and compiled. Every node knows the characters it came from, so a
// problem found later still points at its place in the query.

/// <summary>Characters [<see cref="Start"/>, <see cref="End"/>) of the query string.</summary>
public readonly record struct QuerySpan(int Start, int End)
{
    public static QuerySpan Union(QuerySpan first, QuerySpan last) => new(Math.Min(first.Start, last.Start), Math.Max(first.End, last.End));
}

public abstract record QueryExpression(QuerySpan Span);

public sealed record FieldExpression(string Name, QuerySpan Span) : QueryExpression(Span);

public sealed record NumberLiteral(double Value, QuerySpan Span) : QueryExpression(Span);

public sealed record StringLiteral(string Value, QuerySpan Span) : QueryExpression(Span);

public sealed record RegexLiteral(string Pattern, QuerySpan Span) : QueryExpression(Span);

public sealed record PeriodLiteral(TimePeriod Period, QuerySpan Span) : QueryExpression(Span);

public sealed record ListExpression(IReadOnlyList<QueryExpression> Items, QuerySpan Span) : QueryExpression(Span);

public enum UnaryOperator
{
    Negate,
    Not,
}

public sealed record UnaryExpression(UnaryOperator Operator, QueryExpression Operand, QuerySpan Span) : QueryExpression(Span);

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Power,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

public sealed record BinaryExpression(BinaryOperator Operator, QueryExpression Left, QueryExpression Right, QuerySpan Span) : QueryExpression(Span);

/// <summary><c>x like "text"</c> (contains), <c>x like /re/</c> and <c>x =~ /re/</c> (matches), optionally negated.</summary>
public sealed record LikeExpression(QueryExpression Operand, QueryExpression Pattern, bool Negated, QuerySpan Span) : QueryExpression(Span);

public sealed record InExpression(QueryExpression Operand, ListExpression Values, bool Negated, QuerySpan Span) : QueryExpression(Span);

/// <param name="Star">Written as <c>name(*)</c>, as <c>count(*)</c> is.</param>
public sealed record CallExpression(string Name, IReadOnlyList<QueryExpression> Arguments, bool Star, QuerySpan NameSpan, QuerySpan Span)
    : QueryExpression(Span);

/// <summary>An expression and the alias after <c>as</c>, if it has one (else it goes by the expression as written).</summary>
public sealed record NamedExpression(QueryExpression Expression, FieldExpression? Alias)
{
    public QuerySpan Span => Alias is null ? Expression.Span : QuerySpan.Union(Expression.Span, Alias.Span);
}

public sealed record SortKey(QueryExpression Expression, bool Descending);

public abstract record QueryCommand(string Keyword, QuerySpan Span);

public sealed record FieldsCommand(IReadOnlyList<NamedExpression> Fields, QuerySpan Span) : QueryCommand("fields", Span);

public sealed record DisplayCommand(IReadOnlyList<FieldExpression> Fields, QuerySpan Span) : QueryCommand("display", Span);

public sealed record FilterCommand(QueryExpression Condition, QuerySpan Span) : QueryCommand("filter", Span);

public sealed record StatsCommand(IReadOnlyList<NamedExpression> Aggregates, IReadOnlyList<NamedExpression> Groups, QuerySpan Span)
    : QueryCommand("stats", Span);

public sealed record SortCommand(IReadOnlyList<SortKey> Keys, QuerySpan Span) : QueryCommand("sort", Span);

public sealed record LimitCommand(double Count, QuerySpan CountSpan, QuerySpan Span) : QueryCommand("limit", Span);

/// <summary><c>parse field "glob * pattern" as a, b</c> or <c>parse field /(?&lt;a&gt;re)/</c>.</summary>
public sealed record ParseCommand(FieldExpression Source, QueryExpression Pattern, IReadOnlyList<FieldExpression> Names, QuerySpan Span)
    : QueryCommand("parse", Span);

public sealed record DedupCommand(IReadOnlyList<FieldExpression> Fields, QuerySpan Span) : QueryCommand("dedup", Span);
