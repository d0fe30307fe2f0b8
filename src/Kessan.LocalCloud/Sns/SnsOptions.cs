using System.ComponentModel.DataAnnotations;

namespace Kessan.LocalCloud.Sns;

/// <summary>LocalCloud's SNS, section <c>LocalCloud:Sns</c>: how it signs messages and which HTTP/S endpoints are
/// subscribed from the start (each still confirms, as with Amazon SNS).</summary>
public sealed class SnsOptions : IValidatableObject
{
    public const string Section = "LocalCloud:Sns";

    /// <summary>1: SHA1withRSA; 2: SHA256withRSA.</summary>
    [Range(1, 2, ErrorMessage = "LocalCloud:Sns:SignatureVersion must be 1 (SHA1withRSA) or 2 (SHA256withRSA).")]
    public int SignatureVersion { get; set; } = 2;

    public List<SnsSubscriptionOptions> Subscriptions { get; set; } = [];

    // The endpoint is never echoed: it may carry a secret in its path or query.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Subscriptions.Count; i++)
        {
            var key = $"{Section}:{nameof(Subscriptions)}:{i}";
            if (Subscriptions[i].TopicArn is not { } topicArn || !SnsArns.IsTopic(topicArn))
            {
                yield return new ValidationResult($"{key}:TopicArn must be a topic ARN such as arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts.");
            }

            if (!SnsEndpoints.TryParseEndpoint(Subscriptions[i].Endpoint, out _))
            {
                yield return new ValidationResult($"{key}:Endpoint must be an absolute http:// or https:// URL.");
            }
        }
    }
}

/// <summary>One subscription made at start, <c>LocalCloud:Sns:Subscriptions:&lt;n&gt;</c>.</summary>
public sealed class SnsSubscriptionOptions
{
    public string? TopicArn { get; set; }

    public string? Endpoint { get; set; }
}
