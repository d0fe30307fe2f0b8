using System.Net;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Protocol;
using Kessan.Console.Aws.Tests.Plumbing;

namespace Kessan.Console.Aws.Tests.Protocol;

/// <summary>What a caller learns from an error reply. Replies here are client errors, so nothing is retried.</summary>
public sealed class ErrorTests : HarnessTests
{
    [Fact]
    public async Task The_code_is_the_type_name_after_its_namespace()
    {
        Aws.Server.Reply(ScriptedReply.Error(400, """{"__type":"com.amazonaws.cloudwatch#InvalidParameterValueException","message":"The value 0 for Period is not valid."}"""));

        var error = await GetDashboardFailureAsync();

        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
        Assert.Equal("The value 0 for Period is not valid.", error.ServiceMessage);
    }

    [Fact]
    public async Task The_query_error_header_decides_the_code_for_CloudWatch()
    {
        Aws.Server.Reply(ScriptedReply.Error(
            404, """{"__type":"com.amazonaws.cloudwatch#ResourceNotFoundException","message":"Dashboard Kessan-prod-Main does not exist"}""",
            queryError: "ResourceNotFound;Sender"));

        var error = await GetDashboardFailureAsync();

        Assert.Equal("ResourceNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task A_missing_dashboard_tells_status_code_message_and_request_id()
    {
        Aws.Server.Reply(ScriptedReply.Error(
            404, """{"__type":"com.amazonaws.cloudwatch#ResourceNotFound","Message":"Dashboard Kessan-prod-Main does not exist"}""",
            requestId: "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE", queryError: "ResourceNotFound;Sender"));

        var error = await GetDashboardFailureAsync();

        Assert.Equal(
            (AwsService.CloudWatch, "GetDashboard", "ResourceNotFound", HttpStatusCode.NotFound, "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"),
            (error.Service, error.Operation, error.ErrorCode, error.HttpStatusCode, error.RequestId));
        Assert.Equal(
            "CloudWatch GetDashboard failed with ResourceNotFound (HTTP 404): Dashboard Kessan-prod-Main does not exist. Request id 7a62c49f-347e-4fc4-9331-6e8eEXAMPLE.",
            error.Message);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task A_JSON_1_1_type_drops_what_follows_the_colon()
    {
        Aws.Server.Reply(ScriptedReply.Error(400, """{"__type":"ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.logs/","message":"The specified log group does not exist."}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Aws.Transport.SendAsync(
            AwsJsonProtocol.CloudWatchLogs, "DescribeLogStreams", new ListDashboardsRequest(),
            CloudWatchJsonContext.Default.ListDashboardsRequest, CloudWatchJsonContext.Default.EmptyResponse, serviceErrors: null, CancellationToken.None));

        Assert.Equal(("ResourceNotFoundException", AwsService.CloudWatchLogs), (error.ErrorCode, error.Service));
    }

    [Fact]
    public async Task A_reply_without_a_JSON_body_is_named_by_its_status()
    {
        Aws.Server.Reply(new ScriptedReply(403, "<html>Forbidden</html>", new Dictionary<string, string>()));

        var error = await GetDashboardFailureAsync();

        Assert.Equal(("Forbidden", HttpStatusCode.Forbidden, (string?)null), (error.ErrorCode, error.HttpStatusCode, error.RequestId));
    }

    private Task<AwsServiceException> GetDashboardFailureAsync() =>
        Assert.ThrowsAsync<AwsServiceException>(
            () => Aws.CloudWatch.GetDashboardAsync(new GetDashboardRequest("Kessan-prod-Main"), CancellationToken.None));
}
