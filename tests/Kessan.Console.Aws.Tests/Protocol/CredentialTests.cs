using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.Protocol;

public sealed class CredentialTests
{
    [Fact]
    public async Task Without_static_keys_a_missing_profile_fails_the_call_naming_the_profile()
    {
        await using var aws = await CloudWatchHarness.StartAsync(b => b
            .With("Aws:AccessKeyId", null)
            .With("Aws:SecretAccessKey", null)
            .With("Aws:Profile", "kessan-test-profile-that-does-not-exist"));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(
            () => aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None));

        Assert.Equal("kessan-test-profile-that-does-not-exist", error.Profile);
        Assert.StartsWith("No usable AWS credentials for profile 'kessan-test-profile-that-does-not-exist': ", error.Message);
        Assert.Empty(aws.Server.Requests);
    }
}
