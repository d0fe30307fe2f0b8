namespace Kessan.Console.Core.Notifications;

/// <summary>How secrets are shown: enough to tell two apart, never enough to use one.</summary>
public static class SecretMask
{
    /// <summary>Shorter secrets show nothing of themselves: four characters would be too large a part.</summary>
    private const int MinLengthForTail = 12;

    public const string Hidden = "••••••••";

    /// <summary>"https://hooks.slack.com/…abcd": scheme, host and port, then the last four characters.</summary>
    public static string Url(Uri url) => $"{url.GetLeftPart(UriPartial.Authority)}/{Tail(url.AbsoluteUri)}";

    /// <summary>"…abcd": the last four characters of a long secret, or nothing of a short one.</summary>
    public static string Tail(string secret) =>
        secret.Length >= MinLengthForTail ? $"…{secret[^4..]}" : Hidden;
}
