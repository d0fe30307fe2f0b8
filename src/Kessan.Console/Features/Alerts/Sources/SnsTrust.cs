using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary>Which SNS signing certificates and topics the console believes: certificates served over https by
/// <c>sns.&lt;region&gt;.amazonaws.com</c> or under a configured prefix (local mode adds LocalCloud's own at
/// start), and only the configured topics.</summary>
public sealed partial class SnsTrust(IOptions<AlertOptions> options)
{
    private ImmutableArray<string> _prefixes = [.. options.Value.Sns.TrustedCertificateUrlPrefixes];
    private ImmutableHashSet<string> _topics = [.. options.Value.Sns.TopicArns];

    public static bool LooksLikeTopicArn(string? arn) => arn is not null && TopicArnPattern().IsMatch(arn);

    /// <summary>Also trust certificates under <paramref name="certificateUrlPrefix"/> and messages from
    /// <paramref name="topicArn"/> (local mode: LocalCloud's certificate and alerts topic).</summary>
    public void Trust(Uri certificateUrlPrefix, string topicArn)
    {
        ImmutableInterlocked.Update(ref _prefixes, list => list.Add(certificateUrlPrefix.AbsoluteUri));
        ImmutableInterlocked.Update(ref _topics, set => set.Add(topicArn));
    }

    /// <summary>Null when the certificate URL may be fetched and believed; otherwise why not.</summary>
    public string? CheckCertificateUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "SigningCertURL is not an absolute URL.";
        }
        if (_prefixes.Any(prefix => uri.AbsoluteUri.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return null;
        }
        if (uri.Scheme != Uri.UriSchemeHttps || !AwsSnsHostPattern().IsMatch(uri.Host) || !uri.IsDefaultPort
            || !uri.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal))
        {
            return $"SigningCertURL must be an https .pem URL on sns.<region>.amazonaws.com, not {uri.Scheme}://{uri.Authority}{uri.AbsolutePath}.";
        }
        return null;
    }

    public bool IsAllowedTopic(string topicArn) => _topics.Contains(topicArn);

    [GeneratedRegex("^sns\\.[a-z]{2}(-[a-z]+)+-\\d\\.amazonaws\\.com(\\.cn)?$")]
    private static partial Regex AwsSnsHostPattern();

    [GeneratedRegex("^arn:aws(-[a-z]+)*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicArnPattern();
}
