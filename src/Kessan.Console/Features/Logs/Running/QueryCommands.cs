using System.Globalization;
using System.Text;
using Kessan.Console.Core.Time;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>A Logs Insights query cut into its commands at the pipes that separate them (not those inside strings,
/// quoted names, regular expressions or comments), and the histogram query derived from it.</summary>
public static class QueryCommands
{
    /// <summary>Words after which a <c>/</c> opens a regular expression rather than dividing.</summary>
    private static readonly HashSet<string> RegexAfter = new(StringComparer.OrdinalIgnoreCase) { "like", "in", "and", "or", "not", "parse" };

    /// <summary>Commands that decide which events match; the rest only shape or cut the result.</summary>
    private static readonly HashSet<string> Matching = new(StringComparer.OrdinalIgnoreCase) { "fields", "filter", "parse" };

    /// <summary>The commands of <paramref name="query"/>, trimmed, in order.</summary>
    public static IReadOnlyList<string> Split(string query)
    {
        var commands = new List<string>();
        var current = new StringBuilder();
        var lastWord = "";
        var lastSignificant = '|';
        var previous = '|';
        for (var i = 0; i < query.Length; previous = query[i], i++)
        {
            var c = query[i];
            switch (c)
            {
                case '"' or '\'' or '`':
                    i = CopyUntil(query, i, c, current);
                    lastSignificant = c;
                    lastWord = "";
                    continue;
                case '#':
                    i = CopyUntil(query, i, '\n', current);
                    continue;
                case '/' when OpensRegex(lastSignificant, lastWord):
                    i = CopyUntil(query, i, '/', current);
                    lastSignificant = '/';
                    lastWord = "";
                    continue;
                case '|':
                    commands.Add(current.ToString().Trim());
                    current.Clear();
                    lastSignificant = '|';
                    lastWord = "";
                    continue;
            }

            current.Append(c);
            if (IsWordCharacter(c))
            {
                lastWord = IsWordCharacter(previous) ? lastWord + c : c.ToString();
                lastSignificant = c;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lastSignificant = c;
                lastWord = "";
            }
        }

        commands.Add(current.ToString().Trim());
        return [.. commands.Where(command => command.Length > 0)];
    }

    /// <summary>Counts the events the query matches in each <paramref name="periodSeconds"/> bin: its
    /// <c>fields</c>, <c>filter</c> and <c>parse</c> commands up to its first <c>stats</c>, then
    /// <c>stats count(*) by bin(…)</c>.</summary>
    public static string Histogram(string query, int periodSeconds)
    {
        var kept = new List<string>();
        foreach (var command in Split(query))
        {
            var verb = command.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            if (verb.Equals("stats", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
            if (Matching.Contains(verb))
            {
                kept.Add(command);
            }
        }

        kept.Add(string.Create(CultureInfo.InvariantCulture, $"stats count(*) as {HistogramCount} by bin({periodSeconds}s) as {HistogramBin}"));
        return string.Join("\n| ", kept);
    }

    public const string HistogramCount = "events";
    public const string HistogramBin = "bin";

    /// <summary>The bin for a histogram of <paramref name="range"/>: a common CloudWatch period giving at most
    /// about a hundred bars.</summary>
    public static int HistogramPeriod(ResolvedTimeRange range) => PeriodPlanner.Choose(60, range, maxPoints: 120);

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '@' or '.';

    private static bool OpensRegex(char lastSignificant, string lastWord) =>
        lastWord.Length > 0 ? RegexAfter.Contains(lastWord) : lastSignificant is not (')' or ']' or '"' or '\'' or '`' or '/');

    /// <summary>Copies from <paramref name="start"/> through the next <paramref name="end"/> (or the end of the text)
    /// and returns the index of that last character.</summary>
    private static int CopyUntil(string query, int start, char end, StringBuilder into)
    {
        into.Append(query[start]);
        var i = start + 1;
        for (; i < query.Length; i++)
        {
            into.Append(query[i]);
            if (query[i] == '\\' && end != '\n' && i + 1 < query.Length)
            {
                into.Append(query[++i]);
                continue;
            }
            if (query[i] == end)
            {
                return i;
            }
        }
        return query.Length - 1;
    }
}
