using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kessan.LocalCloud.Alarms;

/// <summary>How CloudWatch, a Java service, writes numbers and times inside state reasons, history data and alarm
/// notifications: doubles as Java's Double.toString (1000.0, 1234.5, 1.0E7), times with milliseconds and +0000.</summary>
public static class CloudWatchFormat
{
    /// <summary>Options for the JSON CloudWatch embeds in strings: "+0000" and quotes in reasons stay as they are.</summary>
    public static readonly JsonWriterOptions EmbeddedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Java's Double.toString: plain between 10^-3 and 10^7 with at least one decimal, otherwise d.dddEn.</summary>
    public static string Number(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var magnitude = Math.Abs(value);
        var shortest = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : "";
        if (magnitude is >= 1e-3 and < 1e7)
        {
            return sign + (shortest.Contains('.') ? shortest : shortest + ".0");
        }

        var (digits, exponent) = Decompose(shortest);
        var fraction = digits.Length > 1 ? digits[1..] : "0";
        return $"{sign}{digits[0]}.{fraction}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>2026-11-28T05:10:00.000+0000, as in StateReasonData and alarm notifications.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>28/11/26 05:10:00, as datapoints are dated in state reasons.</summary>
    public static string ReasonTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Writes a double the way CloudWatch's JSON has it (1000.0, not 1000).</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(Number(value));
    }

    public static void WriteNumberValue(Utf8JsonWriter writer, double value) => writer.WriteRawValue(Number(value));

    public static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one JSON document to a string.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, EmbeddedJson))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The significant digits (no point) and the decimal exponent of the first one, from a shortest round-trip string.</summary>
    private static (string Digits, int Exponent) Decompose(string shortest)
    {
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var allDigits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        return (digits.Length == 0 ? "0" : digits, exponent + integerDigits - leadingZeros - 1);
    }
}
