namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>Expected JSON written over several lines of a raw string literal, for a reader, and compared as one line.</summary>
internal static class JsonText
{
    public static string Joined(string lines) => lines.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
}
