using Superpower;
using Superpower.Model;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>Splits a query into tokens. A <c>/</c> starts a regular expression unless it follows something that can
/// be divided (a field, a number, a closing parenthesis), where it is the division operator; a keyword such as
/// <c>like</c>, and the field after <c>parse</c>, are not divided. <c>#</c> starts a comment that runs to the end of
/// the line.</summary>
public sealed class QueryTokenizer : Tokenizer<QueryToken>
{
    public static QueryTokenizer Instance { get; } = new();

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "fields", "display", "filter", "stats", "sort", "limit", "parse", "dedup", "and", "or", "not", "like", "in", "as", "by", "asc", "desc",
    };

    protected override IEnumerable<Result<QueryToken>> Tokenize(TextSpan span)
    {
        var next = SkipWhiteSpaceAndComments(span);
        Result<QueryToken>? previous = null;
        Result<QueryToken>? earlier = null;
        while (next.HasValue)
        {
            var start = next.Location;
            var character = next.Value;
            Result<QueryToken> token;
            if (char.IsAsciiDigit(character) || (character == '.' && Peek(next.Remainder) is { } digit && char.IsAsciiDigit(digit)))
            {
                token = Number(start);
            }
            else if (IsIdentifierStart(character))
            {
                token = Identifier(start);
            }
            else
            {
                token = character switch
                {
                    '`' => Quoted(start, '`', QueryToken.QuotedIdentifier),
                    '"' or '\'' => Quoted(start, character, QueryToken.String),
                    '/' when !FollowsOperand(previous, earlier) => Regex(start),
                    _ => Operator(next),
                };
            }

            if (!token.HasValue)
            {
                yield return token;
                yield break;
            }

            yield return token;
            (earlier, previous) = (previous, token);
            next = SkipWhiteSpaceAndComments(token.Remainder);
        }
    }

    private static Result<char> SkipWhiteSpaceAndComments(TextSpan span)
    {
        var next = SkipWhiteSpace(span);
        while (next.HasValue && next.Value == '#')
        {
            while (next.HasValue && next.Value != '\n')
            {
                next = next.Remainder.ConsumeChar();
            }

            next = SkipWhiteSpace(next.HasValue ? next.Location : next.Remainder);
        }

        return next;
    }

    private static bool IsIdentifierStart(char character) => char.IsAsciiLetter(character) || character is '_' or '@';

    private static bool IsIdentifierPart(char character) => char.IsAsciiLetterOrDigit(character) || character is '_' or '@' or '.';

    private static bool FollowsOperand(Result<QueryToken>? previous, Result<QueryToken>? earlier) => previous switch
    {
        null => false,
        { Value: QueryToken.Identifier } identifier => !Keywords.Contains(Text(identifier)) && !(earlier is { Value: QueryToken.Identifier } before && Text(before).Equals("parse", StringComparison.OrdinalIgnoreCase)),
        { Value: QueryToken.QuotedIdentifier } => !(earlier is { Value: QueryToken.Identifier } before && Text(before).Equals("parse", StringComparison.OrdinalIgnoreCase)),
        { Value: var kind } => kind is QueryToken.Number or QueryToken.Period or QueryToken.String or QueryToken.Regex
            or QueryToken.RightParenthesis or QueryToken.RightBracket,
    };

    private static string Text(Result<QueryToken> token) => token.Location.Until(token.Remainder).ToStringValue();

    private static char? Peek(TextSpan span)
    {
        var next = span.ConsumeChar();
        return next.HasValue ? next.Value : null;
    }

    private static Result<QueryToken> Identifier(TextSpan start)
    {
        var next = start.ConsumeChar();
        while (next.HasValue && IsIdentifierPart(next.Value))
        {
            next = next.Remainder.ConsumeChar();
        }

        return Result.Value(QueryToken.Identifier, start, next.HasValue ? next.Location : next.Remainder);
    }

    // Digits with an optional fraction and exponent; digits directly followed by a unit are a period (5m, 1h).
    private static Result<QueryToken> Number(TextSpan start)
    {
        var first = start.ConsumeChar();
        var sawDot = first.Value == '.';
        var next = first.Remainder.ConsumeChar();
        while (next.HasValue && (char.IsAsciiDigit(next.Value) || (next.Value == '.' && !sawDot)))
        {
            sawDot |= next.Value == '.';
            next = next.Remainder.ConsumeChar();
        }

        if (next.HasValue && next.Value is 'e' or 'E' && Peek(next.Remainder) is { } afterE && (char.IsAsciiDigit(afterE) || afterE is '+' or '-'))
        {
            next = next.Remainder.ConsumeChar();
            if (next.HasValue && next.Value is '+' or '-')
            {
                next = next.Remainder.ConsumeChar();
            }

            while (next.HasValue && char.IsAsciiDigit(next.Value))
            {
                next = next.Remainder.ConsumeChar();
            }

            return Result.Value(QueryToken.Number, start, Rest(next));
        }

        if (!next.HasValue || !char.IsAsciiLetter(next.Value))
        {
            return Result.Value(QueryToken.Number, start, Rest(next));
        }

        var unitStart = next.Location;
        while (next.HasValue && char.IsAsciiLetter(next.Value))
        {
            next = next.Remainder.ConsumeChar();
        }

        var unit = unitStart.Until(Rest(next)).ToStringValue();
        if (sawDot || !TimePeriod.TryParseUnit(unit, out _))
        {
            return Result.Empty<QueryToken>(unitStart,
                sawDot ? "a time period must be a whole number followed by its unit" : $"'{unit}' is not a time unit; use one of {TimePeriod.Accepted}");
        }

        return Result.Value(QueryToken.Period, start, Rest(next));
    }

    private static Result<QueryToken> Quoted(TextSpan start, char quote, QueryToken kind)
    {
        var next = start.ConsumeChar().Remainder.ConsumeChar();
        while (next.HasValue && next.Value != quote)
        {
            next = next.Value == '\\' ? next.Remainder.ConsumeChar() : next;
            if (next.HasValue)
            {
                next = next.Remainder.ConsumeChar();
            }
        }

        return next.HasValue
            ? Result.Value(kind, start, next.Remainder)
            : Result.Empty<QueryToken>(start, kind == QueryToken.String ? $"the string starting here has no closing {quote}" : "the field name starting here has no closing `");
    }

    private static Result<QueryToken> Regex(TextSpan start)
    {
        var next = start.ConsumeChar().Remainder.ConsumeChar();
        while (next.HasValue && next.Value != '/' && next.Value != '\n')
        {
            next = next.Value == '\\' ? next.Remainder.ConsumeChar() : next;
            if (next.HasValue)
            {
                next = next.Remainder.ConsumeChar();
            }
        }

        return next.HasValue && next.Value == '/'
            ? Result.Value(QueryToken.Regex, start, next.Remainder)
            : Result.Empty<QueryToken>(start, "the regular expression starting here has no closing /");
    }

    private static Result<QueryToken> Operator(Result<char> first)
    {
        var second = first.Remainder.ConsumeChar();
        var pair = second.HasValue ? second.Value : '\0';
        (QueryToken Kind, int Length)? match = (first.Value, pair) switch
        {
            ('!', '=') => (QueryToken.NotEqual, 2),
            ('<', '=') => (QueryToken.LessOrEqual, 2),
            ('>', '=') => (QueryToken.GreaterOrEqual, 2),
            ('=', '~') => (QueryToken.RegexMatch, 2),
            ('=', '=') => (QueryToken.Equal, 2),
            ('=', _) => (QueryToken.Equal, 1),
            ('<', _) => (QueryToken.Less, 1),
            ('>', _) => (QueryToken.Greater, 1),
            ('|', _) => (QueryToken.Pipe, 1),
            (',', _) => (QueryToken.Comma, 1),
            ('(', _) => (QueryToken.LeftParenthesis, 1),
            (')', _) => (QueryToken.RightParenthesis, 1),
            ('[', _) => (QueryToken.LeftBracket, 1),
            (']', _) => (QueryToken.RightBracket, 1),
            ('+', _) => (QueryToken.Plus, 1),
            ('-', _) => (QueryToken.Minus, 1),
            ('*', _) => (QueryToken.Star, 1),
            ('/', _) => (QueryToken.Slash, 1),
            ('%', _) => (QueryToken.Percent, 1),
            ('^', _) => (QueryToken.Caret, 1),
            _ => null,
        };

        if (match is not { } found)
        {
            return Result.Empty<QueryToken>(first.Location, $"'{first.Value}' cannot appear here");
        }

        return Result.Value(found.Kind, first.Location, found.Length == 1 ? first.Remainder : second.Remainder);
    }

    private static TextSpan Rest(Result<char> next) => next.HasValue ? next.Location : next.Remainder;
}
