using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.Protocol;

/// <summary>AWS "standard" retries, with the jitter fixed at 0.5 so the waits are half their ceiling.</summary>
public sealed class RetryTests
{
    private const string Throttled = """{"__type":"com.amazonaws.cloudwatch#ThrottlingException","message":"Rate exceeded"}""";

    [Fact]
    public async Task Throttling_is_retried_after_waits_from_a_500_ms_base()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(ScriptedReply.Error(400, Throttled, queryError: "Throttling;Sender"), ScriptedReply.Error(400, Throttled));

        var call = ListMetricsAsync(aws);
        var waits = await aws.AdvanceThroughBackoffAsync(call);
        await call;

        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)], waits);
        Assert.Equal(3, aws.Server.Requests.Count);
    }

    [Fact]
    public async Task Server_faults_are_retried_after_waits_from_a_100_ms_base()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(
            ScriptedReply.Error(500, """{"__type":"InternalFailure"}"""),
            ScriptedReply.Error(503, """{"__type":"ServiceUnavailable"}"""));

        var call = ListMetricsAsync(aws);
        var waits = await aws.AdvanceThroughBackoffAsync(call);
        await call;

        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], waits);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_as_throttling_whatever_the_body()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(new ScriptedReply(429, "Too Many Requests", new Dictionary<string, string>()));

        var call = ListMetricsAsync(aws);
        var waits = await aws.AdvanceThroughBackoffAsync(call);
        await call;

        Assert.Equal([TimeSpan.FromMilliseconds(250)], waits);
    }

    [Fact]
    public async Task The_last_error_is_thrown_after_MaxAttempts()
    {
        await using var aws = await CloudWatchHarness.StartAsync(b => b.With("Aws:MaxAttempts", "4"));
        aws.Server.Reply(Enumerable.Repeat(ScriptedReply.Error(503, """{"__type":"ServiceUnavailable"}""", requestId: "last"), 5).ToArray());

        var call = ListMetricsAsync(aws);
        var waits = await aws.AdvanceThroughBackoffAsync(call);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => call);

        Assert.Equal(("ServiceUnavailable", "last"), (error.ErrorCode, error.RequestId));
        Assert.Equal(4, aws.Server.Requests.Count);
        Assert.Equal(3, waits.Count);
    }

    [Theory]
    [InlineData("ValidationError")]
    [InlineData("InvalidParameterValue")]
    [InlineData("InvalidParameterCombination")]
    public async Task A_rejected_request_is_not_retried(string code)
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(ScriptedReply.Error(400, $$"""{"__type":"{{code}}","message":"no"}""", queryError: $"{code};Sender"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ListMetricsAsync(aws));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(aws.Server.Requests);
    }

    [Fact]
    public async Task An_attempt_without_an_answer_in_time_is_retried()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(ScriptedReply.Hang, ScriptedReply.Ok("""{"Metrics":[{"Namespace":"Kessan/Business"}]}"""));

        var call = ListMetricsAsync(aws);
        await aws.Server.WaitForRequestsAsync(1);
        aws.Clock.Advance(CloudWatchHarness.AttemptTimeout);
        await aws.AdvanceThroughBackoffAsync(call);

        Assert.Equal("Kessan/Business", Assert.Single((await call).Metrics!).Namespace);
    }

    [Fact]
    public async Task Timing_out_on_the_last_attempt_names_the_endpoint_and_the_timeout()
    {
        await using var aws = await CloudWatchHarness.StartAsync(b => b.With("Aws:MaxAttempts", "1"));
        aws.Server.Reply(ScriptedReply.Hang);

        var call = ListMetricsAsync(aws);
        await aws.Server.WaitForRequestsAsync(1);
        aws.Clock.Advance(CloudWatchHarness.AttemptTimeout);
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => call);

        Assert.Equal($"CloudWatch ListMetrics to {aws.Server.Url.Authority} failed after 1 attempt: no answer within 30 s (Aws:AttemptTimeout).", error.Message);
    }

    [Fact]
    public async Task An_endpoint_that_refuses_connections_fails_after_every_attempt_with_its_host()
    {
        var closed = await RecordingServer.StartAsync();
        var url = closed.Url;
        await closed.DisposeAsync();
        await using var aws = await CloudWatchHarness.StartAsync(b => b.WithEndpoint(url));

        var call = ListMetricsAsync(aws);
        var waits = await aws.AdvanceThroughBackoffAsync(call);
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => call);

        Assert.Equal((url.Authority, 3), (error.EndpointHost, error.Attempts));
        Assert.StartsWith($"CloudWatch ListMetrics to {url.Authority} failed after 3 attempts: ", error.Message);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], waits);
    }

    [Fact]
    public async Task Cancelling_stops_an_attempt_in_flight_without_retrying()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(ScriptedReply.Hang);
        using var cancel = new CancellationTokenSource();

        var call = aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), cancel.Token);
        await aws.Server.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(aws.Server.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_stops_at_once()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(ScriptedReply.Error(503, """{"__type":"ServiceUnavailable"}"""));
        using var cancel = new CancellationTokenSource();

        var call = aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), cancel.Token);
        await aws.WaitForBackoffAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(aws.Server.Requests);
    }

    private static Task<ListMetricsResponse> ListMetricsAsync(CloudWatchHarness aws) =>
        aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);
}
