namespace Kessan.Console.Core.Time;

/// <summary>
/// A unit of the Grafana-style time syntax (<c>now-5m</c>, <c>now/d</c>, <c>refresh=1m</c>). Seconds, minutes
/// and hours are lengths of elapsed time; days and longer move the wall clock, so a day across a
/// daylight-saving change is still midnight to midnight.
/// </summary>
internal sealed class TimeUnit
{
    public static readonly TimeUnit Second = new('s', "second", TimeSpan.FromSeconds(1));
    public static readonly TimeUnit Minute = new('m', "minute", TimeSpan.FromMinutes(1));
    public static readonly TimeUnit Hour = new('h', "hour", TimeSpan.FromHours(1));
    public static readonly TimeUnit Day = new('d', "day", TimeSpan.FromDays(1));
    public static readonly TimeUnit Week = new('w', "week", TimeSpan.FromDays(7));
    public static readonly TimeUnit Month = new('M', "month", TimeSpan.FromDays(31));
    public static readonly TimeUnit Year = new('y', "year", TimeSpan.FromDays(366));

    public static IReadOnlyList<TimeUnit> All { get; } = [Second, Minute, Hour, Day, Week, Month, Year];

    /// <summary>The symbols as a message lists them: "s, m, h, d, w, M or y".</summary>
    public static string Symbols(IReadOnlyList<TimeUnit> units) =>
        $"{string.Join(", ", units.SkipLast(1).Select(unit => unit.Symbol))} or {units[^1].Symbol}";

    private TimeUnit(char symbol, string name, TimeSpan length)
    {
        Symbol = symbol;
        Name = name;
        Length = length;
    }

    public char Symbol { get; }

    public string Name { get; }

    /// <summary>How long one unit lasts; for months and years, the most they can last.</summary>
    public TimeSpan Length { get; }

    public bool MovesWallClock => Length >= Day.Length;

    public static TimeUnit? FromSymbol(char symbol, IReadOnlyList<TimeUnit> units) =>
        units.FirstOrDefault(unit => unit.Symbol == symbol);

    public string Count(long amount) => amount == 1 ? $"1 {Name}" : $"{amount} {Name}s";

    public DateTime Add(DateTime clock, int amount) => Symbol switch
    {
        'M' => clock.AddMonths(amount),
        'y' => clock.AddYears(amount),
        _ => clock + Length * amount,
    };

    /// <summary>The start of the unit that holds <paramref name="clock"/>; weeks start on Monday (ISO 8601).</summary>
    public DateTime StartOf(DateTime clock) => Symbol switch
    {
        's' => clock.Date + new TimeSpan(clock.Hour, clock.Minute, clock.Second),
        'm' => clock.Date + new TimeSpan(clock.Hour, clock.Minute, 0),
        'h' => clock.Date + new TimeSpan(clock.Hour, 0, 0),
        'd' => clock.Date,
        'w' => clock.Date.AddDays(-(((int)clock.DayOfWeek + 6) % 7)),
        'M' => new DateTime(clock.Year, clock.Month, 1),
        _ => new DateTime(clock.Year, 1, 1),
    };
}
