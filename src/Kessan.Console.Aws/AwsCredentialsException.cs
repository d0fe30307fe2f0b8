namespace Kessan.Console.Aws;

/// <summary>No usable AWS credentials were found. The message names the profile looked at and the places to set
/// credentials; it never holds key material.</summary>
public sealed class AwsCredentialsException(string? profile, Exception inner) : Exception(Describe(profile, inner), inner)
{
    public string? Profile { get; } = profile;

    private static string Describe(string? profile, Exception inner) =>
        $"No usable AWS credentials{(profile is null ? string.Empty : $" for profile '{profile}'")}: {inner.Message.Trim()} "
        + "Set Aws:AccessKeyId and Aws:SecretAccessKey, the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, "
        + "or AWS_PROFILE / Aws:Profile, or run where a container or instance role is available.";
}
