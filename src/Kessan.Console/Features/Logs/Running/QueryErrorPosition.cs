using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>Where a malformed query went wrong, as a person reads it: the 1-based line and column of
/// queryCompileError's start offset, that line's text, and how many characters from there are at fault.</summary>
public sealed record QueryErrorPosition(int Line, int Column, string LineText, int Length)
{
    /// <summary>Null when the error carries no location.</summary>
    public static QueryErrorPosition? Of(string query, QueryCompileErrorLocation? location)
    {
        if (location?.StartCharOffset is not { } start)
        {
            return null;
        }

        start = Math.Clamp(start, 0, query.Length);
        var end = Math.Clamp(location.EndCharOffset ?? start, start, Math.Max(start, query.Length));
        var lineStart = query.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0)
        {
            lineStart = 0;
        }
        var lineEnd = query.IndexOf('\n', start);
        lineEnd = lineEnd < 0 ? query.Length : lineEnd;
        var line = query.AsSpan(0, lineStart).Count('\n') + 1;
        var text = query[lineStart..lineEnd].TrimEnd('\r');
        var length = Math.Max(1, Math.Min(end, lineEnd - 1) - start + 1);
        return new QueryErrorPosition(line, start - lineStart + 1, text, length);
    }

    /// <summary>Spaces up to the column, then a caret under each character at fault.</summary>
    public string Marker => new string(' ', Column - 1) + new string('^', Length);
}
