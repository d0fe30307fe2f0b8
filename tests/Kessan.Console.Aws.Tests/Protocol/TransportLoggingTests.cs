using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;
using Microsoft.Extensions.Logging;

namespace Kessan.Console.Aws.Tests.Protocol;

public sealed class TransportLoggingTests
{
    [Fact]
    public async Task Every_attempt_is_logged_with_service_operation_attempt_status_request_id_and_time()
    {
        await using var aws = await CloudWatchHarness.StartAsync();
        aws.Server.Reply(ScriptedReply.Error(503, """{"__type":"ServiceUnavailable"}""", requestId: "req-1"), ScriptedReply.Ok("{}", requestId: "req-2"));

        var call = aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);
        await aws.AdvanceThroughBackoffAsync(call);
        await call;

        var attempts = aws.Logs.Entries.Where(entry => entry.Fields.ContainsKey("Status")).ToList();
        Assert.Equal(
            [(LogLevel.Warning, 1, 503, "req-1"), (LogLevel.Debug, 2, 200, "req-2")],
            attempts.Select(entry => (entry.Level, (int)entry.Fields["Attempt"]!, (int)entry.Fields["Status"]!, (string)entry.Fields["RequestId"]!)));
        Assert.All(attempts, entry =>
        {
            Assert.Equal((AwsService.CloudWatch, "ListMetrics"), ((AwsService)entry.Fields["Service"]!, (string)entry.Fields["Operation"]!));
            Assert.IsType<long>(entry.Fields["ElapsedMs"]);
        });
    }

    [Fact]
    public async Task Logs_never_hold_keys_tokens_or_signatures()
    {
        await using var aws = await CloudWatchHarness.StartAsync(b => b.With("Aws:SessionToken", TestCredentials.SessionToken));
        aws.Server.Reply(ScriptedReply.Error(500, """{"__type":"InternalFailure"}"""));

        var call = aws.CloudWatch.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);
        await aws.AdvanceThroughBackoffAsync(call);
        await call;

        var signature = SigV4Authorization.Parse(aws.Server.Requests[0]).Signature;
        var logged = string.Join('\n', aws.Logs.Entries.SelectMany(entry => entry.Fields.Values.Select(value => $"{value}").Append(entry.Message)));
        Assert.NotEmpty(aws.Logs.Entries);
        Assert.All(
            new[] { TestCredentials.SecretAccessKey, TestCredentials.SessionToken, TestCredentials.AccessKeyId, signature },
            secret => Assert.DoesNotContain(secret, logged));
    }
}
