namespace Kessan.Console.Core.Alerts;

/// <summary>The lowercase names alerts use on the wire, in URLs and in CSV ("critical", "acknowledged").</summary>
public static class AlertNames
{
    public static string Name<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        value.ToString().ToLowerInvariant();

    /// <summary>Reads a name case-insensitively; digits are not names.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>"low, medium, high or critical", for messages that say what was expected.</summary>
    public static string Expected<TEnum>() where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Select(v => v.Name()).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
