using Superpower.Display;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>The tokens of a Logs Insights query. Keywords (fields, filter, and, by, …) are identifiers matched by text.</summary>
public enum QueryToken
{
    [Token(Description = "a field name")]
    Identifier,

    [Token(Description = "a field name in backquotes")]
    QuotedIdentifier,

    [Token(Description = "a number")]
    Number,

    [Token(Description = "a time period such as 5m")]
    Period,

    [Token(Description = "a string")]
    String,

    [Token(Description = "a regular expression")]
    Regex,

    [Token(Example = "|")]
    Pipe,

    [Token(Example = ",")]
    Comma,

    [Token(Example = "(")]
    LeftParenthesis,

    [Token(Example = ")")]
    RightParenthesis,

    [Token(Example = "[")]
    LeftBracket,

    [Token(Example = "]")]
    RightBracket,

    [Token(Example = "=")]
    Equal,

    [Token(Example = "!=")]
    NotEqual,

    [Token(Example = "<")]
    Less,

    [Token(Example = "<=")]
    LessOrEqual,

    [Token(Example = ">")]
    Greater,

    [Token(Example = ">=")]
    GreaterOrEqual,

    [Token(Example = "=~")]
    RegexMatch,

    [Token(Example = "+")]
    Plus,

    [Token(Example = "-")]
    Minus,

    [Token(Example = "*")]
    Star,

    [Token(Example = "/")]
    Slash,

    [Token(Example = "%")]
    Percent,

    [Token(Example = "^")]
    Caret,
}
