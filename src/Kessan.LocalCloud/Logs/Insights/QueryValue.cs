using System.Globalization;

namespace Kessan.LocalCloud.Logs.Insights;

public enum QueryValueKind : byte
{
    /// <summary>Not set by the query: read the event's own field.</summary>
    Unset,

    /// <summary>No value: the field is absent, or a function had nothing to work on.</summary>
    Missing,
    Number,
    Text,

    /// <summary>Epoch milliseconds shown as a date and time (<c>@timestamp</c>, <c>bin(5m)</c>).</summary>
    Time,
    Boolean,
}

/// <summary>A value inside a running query: a number, text, a timestamp, a boolean, or nothing.</summary>
public readonly struct QueryValue : IEquatable<QueryValue>
{
    private readonly double _number;
    private readonly string? _text;

    private QueryValue(QueryValueKind kind, double number, string? text)
    {
        Kind = kind;
        _number = number;
        _text = text;
    }

    public static QueryValue Missing { get; } = new(QueryValueKind.Missing, 0, null);

    public static QueryValue True { get; } = new(QueryValueKind.Boolean, 1, null);

    public static QueryValue False { get; } = new(QueryValueKind.Boolean, 0, null);

    public QueryValueKind Kind { get; }

    public bool IsPresent => Kind > QueryValueKind.Missing;

    public static QueryValue Number(double value) => double.IsFinite(value) ? new(QueryValueKind.Number, value, null) : Missing;

    public static QueryValue Text(string value) => new(QueryValueKind.Text, 0, value);

    public static QueryValue Time(double epochMilliseconds) =>
        double.IsFinite(epochMilliseconds) ? new(QueryValueKind.Time, epochMilliseconds, null) : Missing;

    public static QueryValue Boolean(bool value) => value ? True : False;

    /// <summary>The value as a number: numbers and times as they are, booleans as 1/0, text that is a number parsed.</summary>
    public bool TryNumber(out double number)
    {
        switch (Kind)
        {
            case QueryValueKind.Number or QueryValueKind.Time or QueryValueKind.Boolean:
                number = _number;
                return true;
            case QueryValueKind.Text:
                return double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>The value as text, as a result row shows it; null when missing.</summary>
    public string? AsText() => Kind switch
    {
        QueryValueKind.Text => _text,
        QueryValueKind.Number => FormatNumber(_number),
        QueryValueKind.Time => FormatTime(_number),
        QueryValueKind.Boolean => _number != 0 ? "true" : "false",
        _ => null,
    };

    /// <summary>How a filter takes a value: booleans as they are, a missing value as false, any other value as true
    /// unless it is zero or empty text.</summary>
    public bool IsTruthy() => Kind switch
    {
        QueryValueKind.Boolean or QueryValueKind.Number => _number != 0,
        QueryValueKind.Text => _text!.Length > 0,
        QueryValueKind.Time => true,
        _ => false,
    };

    public bool Equals(QueryValue other) =>
        Kind == other.Kind && (Kind == QueryValueKind.Text ? string.Equals(_text, other._text, StringComparison.Ordinal) : _number.Equals(other._number));

    public override bool Equals(object? obj) => obj is QueryValue other && Equals(other);

    public override int GetHashCode() =>
        Kind == QueryValueKind.Text ? HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_text!)) : HashCode.Combine(Kind, _number);

    public override string ToString() => AsText() ?? "(missing)";

    /// <summary>Whole numbers without a decimal point, others with the shortest text that reads back the same.</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>As Logs Insights shows timestamps: <c>2026-11-20 05:00:00.123</c>, UTC.</summary>
    public static string FormatTime(double epochMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(epochMilliseconds)).UtcDateTime
            .ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
