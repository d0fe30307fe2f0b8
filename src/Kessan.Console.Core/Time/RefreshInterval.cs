using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kessan.Console.Core.Time;

/// <summary>How often a live page refreshes, as the URL carries it (<c>refresh=1m</c>; <c>off</c> or absent: never).</summary>
public sealed record RefreshInterval
{
    private const string OffText = "off";

    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    private static readonly IReadOnlyList<TimeUnit> Units = [TimeUnit.Second, TimeUnit.Minute, TimeUnit.Hour, TimeUnit.Day];

    private RefreshInterval(TimeSpan? interval) => Interval = interval;

    public static RefreshInterval Off { get; } = new(interval: null);

    public static RefreshInterval TenSeconds { get; } = new(TimeSpan.FromSeconds(10));

    public static RefreshInterval OneMinute { get; } = new(TimeSpan.FromMinutes(1));

    public static RefreshInterval FiveMinutes { get; } = new(TimeSpan.FromMinutes(5));

    /// <summary>The values the picker offers.</summary>
    public static IReadOnlyList<RefreshInterval> Choices { get; } = [Off, TenSeconds, OneMinute, FiveMinutes];

    /// <summary>Null when refreshing is off.</summary>
    public TimeSpan? Interval { get; }

    public bool IsOff => Interval is null;

    public string Label => IsOff ? "Off" : ToUrlValue();

    public static RefreshInterval Parse(string? text) =>
        TryParse(text, out var interval, out var error) ? interval : throw new FormatException(error);

    /// <summary>Reads <c>off</c> (or nothing) or a whole number of s, m, h or d from 10s to 1d: <c>10s</c>, <c>1m</c>, <c>90s</c>.</summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out RefreshInterval? interval, [NotNullWhen(false)] out string? error)
    {
        interval = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed == OffText)
        {
            interval = Off;
            error = null;
            return true;
        }
        var unit = TimeUnit.FromSymbol(trimmed[^1], Units);
        if (unit is null
            || !int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"refresh \"{trimmed}\" is not an interval; write off or a number with {TimeUnit.Symbols(Units)}, such as 10s or 1m.";
            return false;
        }
        var seconds = amount * unit.Length.TotalSeconds;
        if (seconds < Shortest.TotalSeconds || seconds > Longest.TotalSeconds)
        {
            error = $"refresh must be between 10s and 1d (got \"{trimmed}\").";
            return false;
        }
        interval = new RefreshInterval(TimeSpan.FromSeconds(seconds));
        error = null;
        return true;
    }

    /// <summary>The interval in its largest whole unit: <c>10s</c>, <c>1m</c>, <c>90s</c>, <c>2h</c>; <c>off</c> when off.</summary>
    public string ToUrlValue()
    {
        if (Interval is not { } interval)
        {
            return OffText;
        }
        var unit = Units.Last(unit => interval.Ticks % unit.Length.Ticks == 0);
        return $"{interval.Ticks / unit.Length.Ticks}{unit.Symbol}";
    }

    public override string ToString() => ToUrlValue();
}
