namespace Kessan.Console.Aws.Configuration;

/// <summary>Checks an endpoint override. The value itself is never echoed: a URL may carry user info.</summary>
internal static class EndpointUrl
{
    private const string Example = "such as http://127.0.0.1:4566 or https://monitoring.ap-northeast-1.amazonaws.com";

    /// <summary>What is wrong with <paramref name="value"/> as an endpoint, or null when it is usable.</summary>
    public static string? Problem(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"must be an absolute URL {Example}.";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"must be an http or https URL {Example}.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry user info: credentials go in Aws:AccessKeyId/Aws:SecretAccessKey or the AWS credential chain.";
        }

        // Requests go to "/" and are signed for it, so a base path would be silently dropped.
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"must be a base URL without path, query or fragment, {Example}.";
        }

        return null;
    }

    /// <summary>Parses a value already known to come from <paramref name="source"/> (a configuration key or variable).</summary>
    public static Uri Parse(string source, string value) =>
        Problem(value) is { } problem
            ? throw new InvalidOperationException($"{source} {problem}")
            : new Uri(value, UriKind.Absolute);
}
