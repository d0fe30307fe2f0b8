using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kessan.Console.Core.Time;

/// <summary>
/// The window a page shows, as the URL carries it (<c>?from=now-3h&amp;to=now</c>). It stays symbolic until
/// resolved, so a live range moves with the clock and a shared URL reproduces the view.
/// </summary>
public sealed record TimeRange(TimeExpression From, TimeExpression To)
{
    public static TimeRange Default { get; } = Last("3h");

    /// <summary>The ranges the time picker offers, shortest first.</summary>
    public static IReadOnlyList<QuickRange> QuickRanges { get; } =
        new[] { "5m", "15m", "1h", "3h", "12h", "1d", "3d", "1w" }
            .Select(Last)
            .Select(range => new QuickRange(range.Describe(), range))
            .ToArray();

    /// <summary>A live range moves with the clock: its end is relative to now.</summary>
    public bool IsLive => To.IsRelative;

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> as the URL gives them; a missing one takes the default's
    /// (<c>now-3h</c>, <c>now</c>). <paramref name="now"/> decides whether a mixed range is in order.
    /// </summary>
    public static bool TryParse(
        string? from,
        string? to,
        DateTimeOffset now,
        [NotNullWhen(true)] out TimeRange? range,
        [NotNullWhen(false)] out string? error)
    {
        range = null;
        if (!TryParseSide(from, Default.From, "from", out var start, out error)
            || !TryParseSide(to, Default.To, "to", out var end, out error))
        {
            return false;
        }
        var candidate = new TimeRange(start, end);
        var resolved = candidate.Resolve(now);
        if (resolved.Start >= resolved.End)
        {
            error = $"from must be before to (from={start.ToUrlValue()}, to={end.ToUrlValue()}).";
            return false;
        }
        range = candidate;
        return true;
    }

    public ResolvedTimeRange Resolve(DateTimeOffset now) =>
        new(From.Resolve(now, zone: null, roundUp: false), To.Resolve(now, zone: null, roundUp: true));

    /// <summary>Resolves with days and rounding (<c>now/d</c>) on the wall clock of <paramref name="zone"/>.</summary>
    public ResolvedTimeRange Resolve(DateTimeOffset now, TimeZoneInfo zone) =>
        new(From.Resolve(now, zone, roundUp: false), To.Resolve(now, zone, roundUp: true));

    /// <summary>
    /// A label for the picker's button: "Last 3 hours" for <c>now-3h</c> to <c>now</c>; otherwise both ends,
    /// absolute ones as date and time with their offset.
    /// </summary>
    public string Describe() => Describe(instant => instant.ToString(
        instant.Offset == TimeSpan.Zero ? "yyyy-MM-dd HH:mm:ss 'UTC'" : "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));

    /// <summary>As <see cref="Describe()"/>, with absolute ends shown on the wall clock of <paramref name="zone"/>.</summary>
    public string Describe(TimeZoneInfo zone) => Describe(instant =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    private string Describe(Func<DateTimeOffset, string> showInstant)
    {
        if (To == TimeExpression.Now && From.SimpleLookBack is (int amount, TimeUnit unit))
        {
            return $"Last {unit.Count(amount)}";
        }
        string Show(TimeExpression end) => end.Instant is { } instant ? showInstant(instant) : end.ToUrlValue();
        return $"{Show(From)} to {Show(To)}";
    }

    private static TimeRange Last(string lookBack) => new(TimeExpression.Parse($"now-{lookBack}"), TimeExpression.Now);

    private static bool TryParseSide(
        string? text,
        TimeExpression absent,
        string side,
        [NotNullWhen(true)] out TimeExpression? expression,
        [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            expression = absent;
            error = null;
            return true;
        }
        if (TimeExpression.TryParse(text, out expression, out error))
        {
            return true;
        }
        error = $"{side}: {error}";
        return false;
    }
}

/// <summary>A range the time picker offers in its list, with the label it shows.</summary>
public sealed record QuickRange(string Label, TimeRange Range);

/// <summary>A time range pinned to instants: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public readonly record struct ResolvedTimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;
}
