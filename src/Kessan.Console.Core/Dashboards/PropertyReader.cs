using System.Text.Json;

namespace Kessan.Console.Core.Dashboards;

/// <summary>
/// Reads typed members of one JSON object of a dashboard body. Every failure is a
/// <see cref="DashboardWidgetException"/> that names the member by its path (<c>properties.yAxis.left.min</c>).
/// A member set to null counts as absent.
/// </summary>
internal readonly struct PropertyReader(JsonElement element, string path)
{
    private const int LongestQuotedValue = 40;

    public bool Has(string name) => TryGet(name, out _);

    public string? String(string name) =>
        TryGet(name, out var value) ? ExpectString(value, PathOf(name)) : null;

    public string RequiredString(string name) =>
        TryGet(name, out var value) ? ExpectString(value, PathOf(name)) : throw Missing(name);

    public bool Boolean(string name, bool absent)
    {
        if (!TryGet(name, out var value))
        {
            return absent;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false", value),
        };
    }

    public double? Number(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Wrong(name, "a number", value);
    }

    public double RequiredNumber(string name) => Number(name) ?? throw Missing(name);

    /// <param name="expected">How the allowed range reads in a message: "a whole number from 1 to 24".</param>
    public int? WholeNumber(string name, int min, int max, string expected)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw Wrong(name, expected, value);
    }

    /// <summary>One of a fixed set of strings, mapped to its meaning.</summary>
    public T? Choice<T>(string name, IReadOnlyList<(string Text, T Value)> choices)
        where T : struct
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }
        foreach (var (choice, meaning) in choices)
        {
            if (choice == text)
            {
                return meaning;
            }
        }
        var allowed = string.Join(", ", choices.Select(choice => $"\"{choice.Text}\""));
        throw new DashboardWidgetException($"{PathOf(name)} must be one of {allowed} (got {Describe(element.GetProperty(name))})");
    }

    public PropertyReader? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object
            ? new PropertyReader(value, PathOf(name))
            : throw Wrong(name, "an object", value);
    }

    public PropertyReader RequiredObject(string name) => Object(name) ?? throw Missing(name);

    public JsonElement? Array(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Array ? value : throw Wrong(name, "an array", value);
    }

    public JsonElement RequiredArray(string name) => Array(name) ?? throw Missing(name);

    public string PathOf(string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>A JSON value as a message shows it after "got": strings quoted (and shortened), numbers as written.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Quote(string text) =>
        text.Length <= LongestQuotedValue
            ? $"\"{text}\""
            : $"\"{text[..LongestQuotedValue]}…\"";

    private bool TryGet(string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string ExpectString(JsonElement value, string place) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DashboardWidgetException($"{place} must be a string (got {Describe(value)})");

    private DashboardWidgetException Missing(string name) => new($"{PathOf(name)} is missing");

    private DashboardWidgetException Wrong(string name, string expected, JsonElement value) =>
        new($"{PathOf(name)} must be {expected} (got {Describe(value)})");
}
