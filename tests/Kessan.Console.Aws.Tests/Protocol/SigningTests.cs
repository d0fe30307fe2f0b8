using Amazon.Runtime;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Protocol;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.Protocol;

public sealed class SigningTests : HarnessTests
{
    private static readonly ImmutableCredentials Keys = new(TestCredentials.AccessKeyId, TestCredentials.SecretAccessKey, null);

    [Fact]
    public async Task Requests_carry_SigV4_headers_scoped_to_the_region_and_monitoring()
    {
        await Aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        var authorization = SigV4Authorization.Parse(sent);
        Assert.Equal(
            (TestCredentials.AccessKeyId, "20261120", TestCredentials.Region, "monitoring"),
            (authorization.AccessKeyId, authorization.Date, authorization.Region, authorization.Service));
        Assert.Equal("20261120T050000Z", sent.Header("X-Amz-Date"));
        Assert.Equal(SigV4Authorization.BodyHash(sent), sent.Header("X-Amz-Content-SHA256"));
        Assert.Equal("content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target;x-amzn-query-mode", authorization.SignedHeaders);
    }

    [Fact]
    public async Task The_signature_verifies_when_recomputed_from_the_request_as_received()
    {
        var (sent, authorization) = await GetDashboardAsync();

        Assert.Equal(authorization.Signature, authorization.Recompute(sent, Keys));
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_does_not_verify()
    {
        var (sent, authorization) = await GetDashboardAsync();

        Assert.NotEqual(authorization.Signature, authorization.Recompute(sent, new ImmutableCredentials(TestCredentials.AccessKeyId, "another-secret", null)));
    }

    [Fact]
    public async Task A_session_token_is_sent_and_covered_by_the_signature()
    {
        await using var aws = await CloudWatchHarness.StartAsync(b => b.With("Aws:SessionToken", TestCredentials.SessionToken));

        await aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);

        var sent = Assert.Single(aws.Server.Requests);
        var authorization = SigV4Authorization.Parse(sent);
        Assert.Equal(TestCredentials.SessionToken, sent.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", authorization.SignedHeaders.Split(';'));
        var sessionKeys = new ImmutableCredentials(TestCredentials.AccessKeyId, TestCredentials.SecretAccessKey, TestCredentials.SessionToken);
        Assert.Equal(authorization.Signature, authorization.Recompute(sent, sessionKeys));
    }

    [Fact]
    public async Task Each_attempt_is_signed_again_at_its_own_time()
    {
        Aws.Clock.Advance(TimeSpan.FromMilliseconds(900));
        Aws.Server.Reply(ScriptedReply.Error(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));

        var call = Aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);
        await Aws.AdvanceThroughBackoffAsync(call);
        await call;

        var attempts = Aws.Server.Requests;
        Assert.Equal(["20261120T050000Z", "20261120T050001Z"], attempts.Select(r => r.Header("X-Amz-Date")));
        Assert.All(attempts, sent => Assert.Equal(SigV4Authorization.Parse(sent).Signature, SigV4Authorization.Parse(sent).Recompute(sent, Keys)));
    }

    [Fact]
    public async Task CloudWatch_Logs_calls_are_JSON_1_1_signed_for_logs()
    {
        await Aws.Transport.SendAsync(
            AwsJsonProtocol.CloudWatchLogs, "DescribeLogGroups", new ListDashboardsRequest(),
            CloudWatchJsonContext.Default.ListDashboardsRequest, CloudWatchJsonContext.Default.EmptyResponse, serviceErrors: null, CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        Assert.Equal("Logs_20140328.DescribeLogGroups", sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", sent.Header("Content-Type"));
        Assert.Null(sent.Header("x-amzn-query-mode"));
        var authorization = SigV4Authorization.Parse(sent);
        Assert.Equal("logs", authorization.Service);
        Assert.Equal(authorization.Signature, authorization.Recompute(sent, Keys));
    }

    private async Task<(RecordedRequest Sent, SigV4Authorization Authorization)> GetDashboardAsync()
    {
        await Aws.CloudWatch.GetDashboardAsync(new GetDashboardRequest("Kessan-prod-Main"), CancellationToken.None);
        var sent = Assert.Single(Aws.Server.Requests);
        return (sent, SigV4Authorization.Parse(sent));
    }
}
