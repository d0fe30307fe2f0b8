namespace Kessan.Console.Core.Notifications;

/// <summary>Text cut to a provider's or a column's limit, ending in "…" so that readers see it was cut.</summary>
public static class TextLimit
{
    /// <summary><paramref name="text"/> itself when it fits in <paramref name="maxLength"/> characters; otherwise its
    /// first <paramref name="maxLength"/> − 1 characters and "…".</summary>
    public static string Clip(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
