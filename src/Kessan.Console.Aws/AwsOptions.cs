using System.ComponentModel.DataAnnotations;
using Kessan.Console.Aws.Configuration;

namespace Kessan.Console.Aws;

/// <summary>How the console reaches AWS, section <c>Aws</c>. Region and Profile fall back to the variables the AWS
/// SDKs read (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, <c>AWS_PROFILE</c>) and then to the profile's region.</summary>
public sealed class AwsOptions : IValidatableObject
{
    public const string Section = "Aws";

    [Required(ErrorMessage = "No AWS region: set Aws:Region, or the AWS_REGION or AWS_DEFAULT_REGION environment variable, or a region in the AWS profile.")]
    [RegularExpression("^[a-z]{2}(-[a-z]+)+-[0-9]+$", ErrorMessage = "Aws:Region (or AWS_REGION, AWS_DEFAULT_REGION) must be an AWS region name such as ap-northeast-1.")]
    public string? Region { get; set; }

    /// <summary>The shared-config profile for credentials and region; the SDK's default chain when unset.</summary>
    public string? Profile { get; set; }

    /// <summary>Overrides the CloudWatch endpoint, e.g. <c>http://127.0.0.1:4566</c>.</summary>
    public string? CloudWatchEndpoint { get; set; }

    /// <summary>Overrides the CloudWatch Logs endpoint.</summary>
    public string? LogsEndpoint { get; set; }

    /// <summary>Static keys, used instead of the SDK's credential chain when both are set (local mode sets them).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Goes with the static keys when they are temporary ones.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Attempts per call, the first included (AWS "standard" retry mode uses 3).</summary>
    [Range(1, 10, ErrorMessage = "Aws:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long one attempt may take, response body included, before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Aws:AttemptTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasStaticKeys => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(AccessKeyId) != string.IsNullOrEmpty(SecretAccessKey))
        {
            yield return new ValidationResult(
                "Aws:AccessKeyId and Aws:SecretAccessKey go together: set both, or neither to use the AWS credential chain.",
                [nameof(AccessKeyId), nameof(SecretAccessKey)]);
        }

        if (!string.IsNullOrEmpty(SessionToken) && !HasStaticKeys)
        {
            yield return new ValidationResult(
                "Aws:SessionToken needs Aws:AccessKeyId and Aws:SecretAccessKey.", [nameof(SessionToken)]);
        }

        foreach (var endpoint in AwsEndpointSetting.All)
        {
            if (endpoint.Configured(this) is { } value && EndpointUrl.Problem(value) is { } problem)
            {
                yield return new ValidationResult($"{endpoint.ConfigurationKey} {problem}", [endpoint.OptionName]);
            }
        }
    }
}
