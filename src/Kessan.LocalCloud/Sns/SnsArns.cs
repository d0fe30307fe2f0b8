using System.Text.RegularExpressions;

namespace Kessan.LocalCloud.Sns;

/// <summary>SNS topic ARNs: arn:aws:sns:&lt;region&gt;:&lt;12-digit account&gt;:&lt;topic&gt;. Any well-formed one is a
/// topic in LocalCloud: topics exist as soon as an alarm or a subscription names them.</summary>
public static partial class SnsArns
{
    public static bool IsTopic(string arn) => TopicPattern().IsMatch(arn);

    [GeneratedRegex(@"^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$")]
    private static partial Regex TopicPattern();
}
