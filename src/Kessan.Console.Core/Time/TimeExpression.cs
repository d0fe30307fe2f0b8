using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kessan.Console.Core.Time;

/// <summary>
/// One end of a time range as users write it in a URL, Grafana-style: <c>now</c>, <c>now-3h</c>, <c>now-1d/d</c>
/// (relative to the moment it is resolved), an ISO-8601 time with an offset (<c>2026-11-20T14:00:00+09:00</c>,
/// <c>…Z</c>) or epoch milliseconds (<c>1763614800000</c>, as Grafana writes them). Two expressions are equal
/// when they are written the same; <see cref="ToUrlValue"/> gives that writing back.
/// </summary>
public sealed partial record TimeExpression
{
    private const string NowText = "now";
    private const string Examples = "write now, now-3h, now-1d/d, an ISO time such as 2026-11-20T14:00:00+09:00, or epoch milliseconds";

    // An offset further than this is a typo, and it keeps every resolved time inside DateTimeOffset's range.
    private const double FarthestOffsetDays = 1000 * 366;

    private readonly string _text;
    private readonly DateMathStep[] _steps;

    private TimeExpression(string text, DateTimeOffset? instant, DateMathStep[] steps)
    {
        _text = text;
        Instant = instant;
        _steps = steps;
    }

    public static TimeExpression Now { get; } = new(NowText, null, []);

    /// <summary>The fixed instant of an absolute expression; null when the expression is relative to now.</summary>
    public DateTimeOffset? Instant { get; }

    public bool IsRelative => Instant is null;

    /// <summary>An absolute expression for an instant, written in ISO-8601 with the instant's own offset.</summary>
    public static TimeExpression At(DateTimeOffset instant) => new(IsoText(instant), instant, []);

    public static TimeExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    /// <param name="error">A sentence naming the text and what is wrong with it, when parsing fails.</param>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out TimeExpression? expression, [NotNullWhen(false)] out string? error)
    {
        expression = null;
        var trimmed = text?.Trim() ?? "";
        error = trimmed switch
        {
            "" => $"The time is empty; {Examples}.",
            _ when trimmed.StartsWith(NowText, StringComparison.Ordinal) => TryParseRelative(trimmed, out expression),
            _ when trimmed.All(char.IsAsciiDigit) => TryParseEpochMilliseconds(trimmed, out expression),
            _ when IsoPattern().Match(trimmed) is { Success: true } iso => TryParseIso(trimmed, iso, out expression),
            _ => $"\"{trimmed}\" is not a time; {Examples}.",
        };
        return error is null;
    }

    public string ToUrlValue() => _text;

    public override string ToString() => _text;

    public bool Equals(TimeExpression? other) => other is not null && _text == other._text;

    public override int GetHashCode() => _text.GetHashCode(StringComparison.Ordinal);

    /// <summary>The instant this expression means at <paramref name="now"/>; days and rounding follow now's offset.</summary>
    public DateTimeOffset Resolve(DateTimeOffset now) => Resolve(now, zone: null, roundUp: false);

    /// <summary>
    /// The instant this expression means at <paramref name="now"/>, with days and rounding on the wall clock of
    /// <paramref name="zone"/> (so <c>now/d</c> is midnight there).
    /// </summary>
    public DateTimeOffset Resolve(DateTimeOffset now, TimeZoneInfo zone) => Resolve(now, zone, roundUp: false);

    /// <param name="roundUp">
    /// For the end of a range: rounding goes to the start of the next unit, so <c>now/d</c> as an end means the
    /// coming midnight and the range covers the whole day.
    /// </param>
    internal DateTimeOffset Resolve(DateTimeOffset now, TimeZoneInfo? zone, bool roundUp)
    {
        if (Instant is { } instant)
        {
            return instant;
        }
        var time = InZone(now, zone);
        foreach (var step in _steps)
        {
            time = step switch
            {
                { Rounds: true } => OnWallClock(time, zone, clock =>
                    roundUp ? step.Unit.Add(step.Unit.StartOf(clock), 1) : step.Unit.StartOf(clock)),
                { Unit.MovesWallClock: true } => OnWallClock(time, zone, clock => step.Unit.Add(clock, step.Amount)),
                _ => InZone(time + step.Unit.Length * step.Amount, zone),
            };
        }
        return time;
    }

    /// <summary>For a relative expression of the form <c>now-N{unit}</c>: how far back it reaches.</summary>
    internal (int Amount, TimeUnit Unit)? SimpleLookBack =>
        _steps is [{ Rounds: false, Amount: < 0 } step] ? (-step.Amount, step.Unit) : null;

    private static DateTimeOffset InZone(DateTimeOffset time, TimeZoneInfo? zone) =>
        zone is null ? time : TimeZoneInfo.ConvertTime(time, zone);

    private static DateTimeOffset OnWallClock(DateTimeOffset time, TimeZoneInfo? zone, Func<DateTime, DateTime> move)
    {
        var clock = move(time.DateTime);
        return new DateTimeOffset(clock, zone?.GetUtcOffset(clock) ?? time.Offset);
    }

    private static string? TryParseRelative(string text, out TimeExpression? expression)
    {
        expression = null;
        var steps = new List<DateMathStep>();
        var at = NowText.Length;
        var reachDays = 0.0;
        while (at < text.Length)
        {
            var operation = text[at++];
            if (operation is not ('+' or '-' or '/'))
            {
                return $"\"{text}\" is not a time: expected +, - or / after \"{text[..(at - 1)]}\".";
            }
            var digitsFrom = at;
            while (operation != '/' && at < text.Length && char.IsAsciiDigit(text[at]))
            {
                at++;
            }
            if (operation != '/' && at == digitsFrom)
            {
                return $"\"{text}\" is not a time: expected a number after \"{operation}\", as in now-5m.";
            }
            if (at == text.Length)
            {
                return $"\"{text}\" is not a time: it ends without a unit; use {TimeUnit.Symbols(TimeUnit.All)}.";
            }
            var symbol = text[at++];
            if (TimeUnit.FromSymbol(symbol, TimeUnit.All) is not { } unit)
            {
                return $"\"{text}\" is not a time: \"{symbol}\" is not a unit; use {TimeUnit.Symbols(TimeUnit.All)}.";
            }
            if (operation == '/')
            {
                steps.Add(new DateMathStep(0, unit, Rounds: true));
                continue;
            }
            if (!int.TryParse(text.AsSpan(digitsFrom, at - 1 - digitsFrom), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || (reachDays += unit.Length.TotalDays * amount) > FarthestOffsetDays)
            {
                return $"\"{text}\" reaches more than 1000 years from now.";
            }
            steps.Add(new DateMathStep(operation == '-' ? -amount : amount, unit, Rounds: false));
        }
        expression = new TimeExpression(RelativeText(steps), null, steps.ToArray());
        return null;
    }

    private static string? TryParseEpochMilliseconds(string text, out TimeExpression? expression)
    {
        expression = null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return $"\"{text}\" is too large for epoch milliseconds.";
        }
        expression = new TimeExpression(
            milliseconds.ToString(CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), []);
        return null;
    }

    private static string? TryParseIso(string text, Match iso, out TimeExpression? expression)
    {
        expression = null;
        var offset = iso.Groups["offset"];
        if (!offset.Success)
        {
            return $"\"{text}\" has no UTC offset; add Z for UTC or an offset such as +09:00.";
        }
        // An unescaped "+" in a query string arrives as a space: read "14:00:00 09:00" as "14:00:00+09:00".
        var repaired = offset.Value.StartsWith(' ') ? string.Concat(text.AsSpan(0, offset.Index), "+", text.AsSpan(offset.Index + 1)) : text;
        if (!DateTimeOffset.TryParse(repaired, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return $"\"{text}\" is not a real date and time.";
        }
        expression = At(instant);
        return null;
    }

    private static string IsoText(DateTimeOffset instant)
    {
        var text = new StringBuilder(instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        var fraction = instant.ToString("FFFFFFF", CultureInfo.InvariantCulture);
        if (fraction.Length > 0)
        {
            text.Append('.').Append(fraction);
        }
        text.Append(instant.Offset == TimeSpan.Zero ? "Z" : instant.ToString("zzz", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string RelativeText(IEnumerable<DateMathStep> steps)
    {
        var text = new StringBuilder(NowText);
        foreach (var step in steps)
        {
            text.Append(step switch
            {
                { Rounds: true } => $"/{step.Unit.Symbol}",
                { Amount: < 0 } => $"-{-step.Amount}{step.Unit.Symbol}",
                _ => $"+{step.Amount}{step.Unit.Symbol}",
            });
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+\- ]\d{2}:?\d{2})?$")]
    private static partial Regex IsoPattern();

    /// <summary>One operation after <c>now</c>: move by <see cref="Amount"/> units, or round down to the unit.</summary>
    private readonly record struct DateMathStep(int Amount, TimeUnit Unit, bool Rounds);
}
