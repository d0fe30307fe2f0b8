namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>The scalar functions, by name (case-insensitive), with how many arguments each takes. A function given a
/// missing value (or text where it needs a number) returns missing, except the ones that test for presence.
/// bin, datefloor and dateceil take a period and are compiled by <see cref="QueryCompiler"/>.</summary>
public static class ScalarFunctions
{
    public sealed record Function(int MinArguments, int MaxArguments, Func<QueryValue[], QueryValue> Invoke);

    private static readonly Dictionary<string, Function> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["strlen"] = new(1, 1, a => Text(a[0], s => QueryValue.Number(s.Length))),
        ["toupper"] = new(1, 1, a => Text(a[0], s => QueryValue.Text(s.ToUpperInvariant()))),
        ["tolower"] = new(1, 1, a => Text(a[0], s => QueryValue.Text(s.ToLowerInvariant()))),
        ["trim"] = new(1, 1, a => Text(a[0], s => QueryValue.Text(s.Trim()))),
        ["ltrim"] = new(1, 1, a => Text(a[0], s => QueryValue.Text(s.TrimStart()))),
        ["rtrim"] = new(1, 1, a => Text(a[0], s => QueryValue.Text(s.TrimEnd()))),
        ["concat"] = new(1, int.MaxValue, a => QueryValue.Text(string.Concat(a.Select(v => v.AsText())))),
        ["substr"] = new(2, 3, Substring),
        ["strcontains"] = new(2, 2, a => a[0].IsPresent && a[1].IsPresent
            ? QueryValue.Boolean(a[0].AsText()!.Contains(a[1].AsText()!, StringComparison.Ordinal))
            : QueryValue.Missing),
        ["replace"] = new(3, 3, a => a[0].IsPresent && a[1].IsPresent && a[1].AsText()!.Length > 0
            ? QueryValue.Text(a[0].AsText()!.Replace(a[1].AsText()!, a[2].AsText() ?? string.Empty, StringComparison.Ordinal))
            : a[0]),
        ["ispresent"] = new(1, 1, a => QueryValue.Boolean(a[0].IsPresent)),
        ["isempty"] = new(1, 1, a => QueryValue.Boolean(!a[0].IsPresent || a[0].AsText()!.Length == 0)),
        ["isblank"] = new(1, 1, a => QueryValue.Boolean(!a[0].IsPresent || string.IsNullOrWhiteSpace(a[0].AsText()))),
        ["coalesce"] = new(1, int.MaxValue, a => a.FirstOrDefault(v => v.IsPresent, QueryValue.Missing)),
        ["abs"] = new(1, 1, a => Number(a[0], Math.Abs)),
        ["ceil"] = new(1, 1, a => Number(a[0], Math.Ceiling)),
        ["floor"] = new(1, 1, a => Number(a[0], Math.Floor)),
        ["fromMillis"] = new(1, 1, a => a[0].TryNumber(out var ms) ? QueryValue.Time(ms) : QueryValue.Missing),
        ["toMillis"] = new(1, 1, a => a[0].Kind == QueryValueKind.Time && a[0].TryNumber(out var ms) ? QueryValue.Number(ms) : QueryValue.Missing),
    };

    /// <summary>The functions that take a time period (bin(5m), datefloor(@timestamp, 1h)).</summary>
    public static IReadOnlySet<string> PeriodFunctions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "datefloor", "dateceil" };

    public static bool TryFind(string name, out Function function) => Table.TryGetValue(name, out function!);

    /// <summary>Every scalar function name, for "unknown function" messages.</summary>
    public static IEnumerable<string> Names => Table.Keys.Concat(PeriodFunctions).Order(StringComparer.Ordinal);

    private static QueryValue Text(QueryValue value, Func<string, QueryValue> apply) => value.IsPresent ? apply(value.AsText()!) : QueryValue.Missing;

    private static QueryValue Number(QueryValue value, Func<double, double> apply) =>
        value.TryNumber(out var number) ? QueryValue.Number(apply(number)) : QueryValue.Missing;

    // substr(text, start[, length]): start counts from 0; a range past the end is cut at the end.
    private static QueryValue Substring(QueryValue[] arguments)
    {
        if (!arguments[0].IsPresent || !arguments[1].TryNumber(out var startNumber))
        {
            return QueryValue.Missing;
        }

        var text = arguments[0].AsText()!;
        var start = (int)Math.Clamp(startNumber, 0, text.Length);
        var length = text.Length - start;
        if (arguments.Length == 3)
        {
            if (!arguments[2].TryNumber(out var lengthNumber))
            {
                return QueryValue.Missing;
            }

            length = (int)Math.Clamp(lengthNumber, 0, length);
        }

        return QueryValue.Text(text.Substring(start, length));
    }
}
