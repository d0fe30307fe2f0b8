using System.Globalization;
using System.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>The Logs Insights grammar: commands joined by <c>|</c>; expressions with <c>or</c> &lt; <c>and</c> &lt;
/// <c>not</c> &lt; comparisons (<c>= != &lt; &lt;= &gt; &gt;=</c>, <c>like</c>, <c>=~</c>, <c>in</c>) &lt; <c>+ -</c>
/// &lt; <c>* / %</c> &lt; <c>^</c> &lt; unary minus. Keywords are case-insensitive.</summary>
public static class QueryGrammar
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "not", "like", "in", "as", "by", "asc", "desc" };

    private static readonly TokenListParser<QueryToken, FieldExpression> Field =
        Token.EqualTo(QueryToken.Identifier)
            .Where(token => !Reserved.Contains(token.ToStringValue()), "a field name")
            .Select(token => new FieldExpression(token.ToStringValue(), SpanOf(token)))
            .Or(Token.EqualTo(QueryToken.QuotedIdentifier).Select(token => new FieldExpression(Unquote(token), SpanOf(token))))
            .Named("a field name");

    private static readonly TokenListParser<QueryToken, QueryExpression> Number =
        Token.EqualTo(QueryToken.Number)
            .Select(token => (QueryExpression)new NumberLiteral(double.Parse(token.ToStringValue(), NumberStyles.Float, CultureInfo.InvariantCulture), SpanOf(token)));

    private static readonly TokenListParser<QueryToken, StringLiteral> String =
        Token.EqualTo(QueryToken.String).Select(token => new StringLiteral(Unquote(token), SpanOf(token)));

    private static readonly TokenListParser<QueryToken, RegexLiteral> Regex =
        Token.EqualTo(QueryToken.Regex).Select(token => new RegexLiteral(RegexPattern(token), SpanOf(token)));

    private static readonly TokenListParser<QueryToken, QueryExpression> Period =
        Token.EqualTo(QueryToken.Period).Select(token => (QueryExpression)new PeriodLiteral(ParsePeriod(token.ToStringValue()), SpanOf(token)));

    private static readonly TokenListParser<QueryToken, QueryExpression> Expression = Parse.Ref(() => OrExpression!);

    private static readonly TokenListParser<QueryToken, (IReadOnlyList<QueryExpression> Arguments, bool Star, Token<QueryToken> Close)> CallArguments =
        from open in Token.EqualTo(QueryToken.LeftParenthesis)
        from arguments in Token.EqualTo(QueryToken.Star).Select(_ => (Items: Array.Empty<QueryExpression>(), Star: true))
            .Or(Expression.ManyDelimitedBy(Token.EqualTo(QueryToken.Comma)).Select(items => (Items: items, Star: false)))
        from close in Token.EqualTo(QueryToken.RightParenthesis)
        select ((IReadOnlyList<QueryExpression>)arguments.Items, arguments.Star, close);

    private static readonly TokenListParser<QueryToken, QueryExpression> FieldOrCall =
        from field in Field
        from call in CallArguments.Select(arguments => (Found: true, Value: arguments)).OptionalOrDefault()
        select call.Found
            ? new CallExpression(field.Name, call.Value.Arguments, call.Value.Star, field.Span, new QuerySpan(field.Span.Start, End(call.Value.Close)))
            : (QueryExpression)field;

    private static readonly TokenListParser<QueryToken, ListExpression> List =
        from open in Token.EqualTo(QueryToken.LeftBracket)
        from items in Expression.ManyDelimitedBy(Token.EqualTo(QueryToken.Comma))
        from close in Token.EqualTo(QueryToken.RightBracket)
        select new ListExpression(items, new QuerySpan(Start(open), End(close)));

    private static readonly TokenListParser<QueryToken, QueryExpression> Parenthesized =
        from open in Token.EqualTo(QueryToken.LeftParenthesis)
        from inner in Expression
        from close in Token.EqualTo(QueryToken.RightParenthesis)
        select inner;

    private static readonly TokenListParser<QueryToken, QueryExpression> Primary =
        Number
            .Or(String.Select(literal => (QueryExpression)literal))
            .Or(Regex.Select(literal => (QueryExpression)literal))
            .Or(Period)
            .Or(Parenthesized)
            .Or(FieldOrCall)
            .Named("a value");

    private static readonly TokenListParser<QueryToken, QueryExpression> Unary =
        (from minus in Token.EqualTo(QueryToken.Minus)
         from operand in Parse.Ref(() => Unary!)
         select (QueryExpression)new UnaryExpression(UnaryOperator.Negate, operand, new QuerySpan(Start(minus), operand.Span.End)))
        .Or(Primary);

    private static readonly TokenListParser<QueryToken, QueryExpression> Power =
        Parse.ChainRight(Operator(QueryToken.Caret, BinaryOperator.Power), Unary, Binary);

    private static readonly TokenListParser<QueryToken, QueryExpression> Multiplicative =
        Parse.Chain(
            Operator(QueryToken.Star, BinaryOperator.Multiply).Or(Operator(QueryToken.Slash, BinaryOperator.Divide)).Or(Operator(QueryToken.Percent, BinaryOperator.Remainder)),
            Power,
            Binary);

    private static readonly TokenListParser<QueryToken, QueryExpression> Additive =
        Parse.Chain(Operator(QueryToken.Plus, BinaryOperator.Add).Or(Operator(QueryToken.Minus, BinaryOperator.Subtract)), Multiplicative, Binary);

    private static readonly TokenListParser<QueryToken, BinaryOperator> ComparisonOperator =
        Operator(QueryToken.Equal, BinaryOperator.Equal)
            .Or(Operator(QueryToken.NotEqual, BinaryOperator.NotEqual))
            .Or(Operator(QueryToken.LessOrEqual, BinaryOperator.LessOrEqual))
            .Or(Operator(QueryToken.Less, BinaryOperator.Less))
            .Or(Operator(QueryToken.GreaterOrEqual, BinaryOperator.GreaterOrEqual))
            .Or(Operator(QueryToken.Greater, BinaryOperator.Greater));

    private static readonly TokenListParser<QueryToken, QueryExpression> LikePattern =
        String.Select(literal => (QueryExpression)literal).Or(Regex.Select(literal => (QueryExpression)literal)).Named("a string or /regular expression/");

    private static readonly TokenListParser<QueryToken, QueryExpression> Comparison =
        Additive.Then(left =>
            (from op in ComparisonOperator
             from right in Additive
             select (QueryExpression)new BinaryExpression(op, left, right, QuerySpan.Union(left.Span, right.Span)))
            .Or(from like in Keyword("like")
                from pattern in LikePattern
                select (QueryExpression)new LikeExpression(left, pattern, false, QuerySpan.Union(left.Span, pattern.Span)))
            .Or(from match in Token.EqualTo(QueryToken.RegexMatch)
                from pattern in Regex
                select (QueryExpression)new LikeExpression(left, pattern, false, QuerySpan.Union(left.Span, pattern.Span)))
            .Or(from @in in Keyword("in")
                from values in List
                select (QueryExpression)new InExpression(left, values, false, QuerySpan.Union(left.Span, values.Span)))
            .Or(from not in Keyword("not")
                from negated in (from like in Keyword("like")
                                 from pattern in LikePattern
                                 select (QueryExpression)new LikeExpression(left, pattern, true, QuerySpan.Union(left.Span, pattern.Span)))
                    .Or(from @in in Keyword("in")
                        from values in List
                        select (QueryExpression)new InExpression(left, values, true, QuerySpan.Union(left.Span, values.Span)))
                select negated)
            .OptionalOrDefault(left));

    private static readonly TokenListParser<QueryToken, QueryExpression> NotExpression =
        (from not in Keyword("not")
         from operand in Parse.Ref(() => NotExpression!)
         select (QueryExpression)new UnaryExpression(UnaryOperator.Not, operand, new QuerySpan(Start(not), operand.Span.End)))
        .Or(Comparison);

    private static readonly TokenListParser<QueryToken, QueryExpression> AndExpression =
        Parse.Chain(Keyword("and").Value(BinaryOperator.And), NotExpression, Binary);

    private static readonly TokenListParser<QueryToken, QueryExpression> OrExpression =
        Parse.Chain(Keyword("or").Value(BinaryOperator.Or), AndExpression, Binary);

    private static readonly TokenListParser<QueryToken, FieldExpression?> Alias =
        Keyword("as").IgnoreThen(Field).Select(field => (FieldExpression?)field).OptionalOrDefault();

    private static readonly TokenListParser<QueryToken, NamedExpression> Named =
        from expression in Expression
        from alias in Alias
        select new NamedExpression(expression, alias);

    private static readonly TokenListParser<QueryToken, FieldExpression[]> FieldList =
        Field.AtLeastOnceDelimitedBy(Token.EqualTo(QueryToken.Comma));

    private static readonly TokenListParser<QueryToken, QueryCommand> Fields =
        from keyword in Keyword("fields")
        from fields in Named.AtLeastOnceDelimitedBy(Token.EqualTo(QueryToken.Comma))
        select (QueryCommand)new FieldsCommand(fields, Through(keyword, fields[^1].Span));

    private static readonly TokenListParser<QueryToken, QueryCommand> Display =
        from keyword in Keyword("display")
        from fields in FieldList
        select (QueryCommand)new DisplayCommand(fields, Through(keyword, fields[^1].Span));

    private static readonly TokenListParser<QueryToken, QueryCommand> Filter =
        from keyword in Keyword("filter")
        from condition in Expression
        select (QueryCommand)new FilterCommand(condition, Through(keyword, condition.Span));

    private static readonly TokenListParser<QueryToken, QueryCommand> Stats =
        from keyword in Keyword("stats")
        from aggregates in Named.AtLeastOnceDelimitedBy(Token.EqualTo(QueryToken.Comma))
        from groups in Keyword("by").IgnoreThen(Named.AtLeastOnceDelimitedBy(Token.EqualTo(QueryToken.Comma))).OptionalOrDefault([])
        select (QueryCommand)new StatsCommand(aggregates, groups, Through(keyword, groups.Length > 0 ? groups[^1].Span : aggregates[^1].Span));

    private static readonly TokenListParser<QueryToken, (bool Descending, QuerySpan Span)?> Direction =
        Keyword("asc").Select(token => ((bool, QuerySpan)?)(false, SpanOf(token)))
            .Or(Keyword("desc").Select(token => ((bool, QuerySpan)?)(true, SpanOf(token))))
            .OptionalOrDefault();

    private static readonly TokenListParser<QueryToken, (SortKey Key, QuerySpan Span)> SortKeyParser =
        from expression in Expression
        from direction in Direction
        select (new SortKey(expression, direction?.Descending ?? false), direction is { } written ? QuerySpan.Union(expression.Span, written.Span) : expression.Span);

    private static readonly TokenListParser<QueryToken, QueryCommand> Sort =
        from keyword in Keyword("sort")
        from keys in SortKeyParser.AtLeastOnceDelimitedBy(Token.EqualTo(QueryToken.Comma))
        select (QueryCommand)new SortCommand([.. keys.Select(key => key.Key)], Through(keyword, keys[^1].Span));

    private static readonly TokenListParser<QueryToken, QueryCommand> Limit =
        from keyword in Keyword("limit")
        from count in Token.EqualTo(QueryToken.Number).Named("the number of rows")
        select (QueryCommand)new LimitCommand(double.Parse(count.ToStringValue(), NumberStyles.Float, CultureInfo.InvariantCulture), SpanOf(count), Through(keyword, SpanOf(count)));

    private static readonly TokenListParser<QueryToken, QueryCommand> ParseCommandParser =
        from keyword in Keyword("parse")
        from source in Field.Select(field => (FieldExpression?)field).OptionalOrDefault()
        from pattern in
            (from glob in String
             from names in Keyword("as").IgnoreThen(FieldList)
             select (Pattern: (QueryExpression)glob, Names: names, End: names[^1].Span))
            .Or(Regex.Select(regex => (Pattern: (QueryExpression)regex, Names: Array.Empty<FieldExpression>(), End: regex.Span)))
            .Named("a \"glob * pattern\" with `as` names, or a /regular expression/ with named groups")
        select (QueryCommand)new ParseCommand(
            source ?? new FieldExpression("@message", SpanOf(keyword)), pattern.Pattern, pattern.Names, Through(keyword, pattern.End));

    private static readonly TokenListParser<QueryToken, QueryCommand> Dedup =
        from keyword in Keyword("dedup")
        from fields in FieldList
        select (QueryCommand)new DedupCommand(fields, Through(keyword, fields[^1].Span));

    private static readonly TokenListParser<QueryToken, QueryCommand[]> Query =
        Fields.Or(Display).Or(Filter).Or(Stats).Or(Sort).Or(Limit).Or(ParseCommandParser).Or(Dedup)
            .AtLeastOnceDelimitedBy(Token.EqualTo(QueryToken.Pipe))
            .AtEnd();

    /// <exception cref="QueryCompileException">With the position of the first token that does not fit.</exception>
    public static IReadOnlyList<QueryCommand> ParseCommands(string query)
    {
        var tokens = QueryTokenizer.Instance.TryTokenize(query);
        if (!tokens.HasValue)
        {
            var at = tokens.ErrorPosition.HasValue ? tokens.ErrorPosition.Absolute : query.Length;
            throw new QueryCompileException(tokens.FormatErrorMessageFragment(), new QuerySpan(at, at + 1));
        }

        var parsed = Query.TryParse(tokens.Value);
        if (parsed.HasValue)
        {
            return parsed.Value;
        }

        // Input that ends too early is at fault just past its last character.
        if (parsed.Location.IsAtEnd)
        {
            throw new QueryCompileException(parsed.FormatErrorMessageFragment(), new QuerySpan(query.Length, query.Length));
        }

        var unexpected = SpanOf(parsed.Location.First());
        var start = parsed.ErrorPosition.HasValue ? parsed.ErrorPosition.Absolute : unexpected.Start;
        var end = unexpected.Start == start ? unexpected.End : start + 1;
        throw new QueryCompileException(parsed.FormatErrorMessageFragment(), new QuerySpan(start, end));
    }

    private static TokenListParser<QueryToken, Token<QueryToken>> Keyword(string word) =>
        Token.EqualToValueIgnoreCase(QueryToken.Identifier, word).Named($"`{word}`");

    private static TokenListParser<QueryToken, BinaryOperator> Operator(QueryToken token, BinaryOperator op) => Token.EqualTo(token).Value(op);

    private static QueryExpression Binary(BinaryOperator op, QueryExpression left, QueryExpression right) =>
        new BinaryExpression(op, left, right, QuerySpan.Union(left.Span, right.Span));

    private static QuerySpan SpanOf(Token<QueryToken> token) => new(Start(token), End(token));

    private static int Start(Token<QueryToken> token) => token.Span.Position.Absolute;

    private static int End(Token<QueryToken> token) => token.Span.Position.Absolute + token.Span.Length;

    private static QuerySpan Through(Token<QueryToken> keyword, QuerySpan last) => new(Start(keyword), last.End);

    private static TimePeriod ParsePeriod(string text)
    {
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        TimePeriod.TryParseUnit(text.AsSpan(digits), out var unit);
        return new TimePeriod(long.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture), unit);
    }

    // Backslash escapes \n, \t, \\ and the quote itself; any other escaped character stands for itself.
    private static string Unquote(Token<QueryToken> token)
    {
        var text = token.ToStringValue();
        var inner = text.AsSpan(1, text.Length - 2);
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var unescaped = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
                unescaped.Append(inner[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else
            {
                unescaped.Append(inner[i]);
            }
        }

        return unescaped.ToString();
    }

    // Inside /…/ only \/ is ours to undo; every other escape belongs to the regular expression.
    private static string RegexPattern(Token<QueryToken> token)
    {
        var text = token.ToStringValue();
        return text[1..^1].Replace("\\/", "/", StringComparison.Ordinal);
    }
}

