using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Kessan.LocalCloud.Tests.Protocol;

public sealed class AwsJsonEndpointTests : IAsyncLifetime
{
    private LocalCloudServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalCloudServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_target_header_chooses_the_operation()
    {
        await _server.SendAsync(LocalCloudServer.CloudWatchRequest("PutDashboard", """{"DashboardName":"Main","DashboardBody":"{\"widgets\":[]}"}"""));

        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("GetDashboard", """{"DashboardName":"Main"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("""{"widgets":[]}""", body.RootElement.GetProperty("DashboardBody").GetString());
    }

    [Fact]
    public async Task Every_response_carries_a_request_id()
    {
        using var success = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("ListDashboards", "{}"));
        using var failure = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("Nope", "{}"));

        Assert.True(Guid.TryParse(success.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        Assert.True(Guid.TryParse(failure.Headers.GetValues("x-amzn-RequestId").Single(), out _));
    }

    [Fact]
    public async Task An_error_has_the_status_type_message_and_query_error_of_the_model()
    {
        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("GetDashboard", """{"DashboardName":"Missing"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFound;Sender", response.Headers.GetValues("x-amzn-query-error").Single());
        Assert.Equal("""{"__type":"com.amazonaws.cloudwatch#DashboardNotFoundError","message":"Dashboard Missing does not exist"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_operation_is_UnknownOperationException()
    {
        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("DescribeAlarmsForMetric", "{}"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "com.amazon.coral.service#UnknownOperationException", "UnknownOperationException");
    }

    [Fact]
    public async Task Malformed_json_is_SerializationException()
    {
        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("ListMetrics", """{"Namespace":"""));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "com.amazon.coral.service#SerializationException", "SerializationException");
    }

    [Fact]
    public async Task A_member_of_the_wrong_type_is_SerializationException()
    {
        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("ListMetrics", """{"Namespace":["Kessan"]}"""));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "com.amazon.coral.service#SerializationException", "SerializationException");
    }

    [Fact]
    public async Task A_missing_required_member_is_MissingParameter_naming_its_path()
    {
        const string body = """{"StartTime":1795150800,"EndTime":1795154400,"MetricDataQueries":[{"Id":"a","MetricStat":{"Metric":{"Namespace":"K","MetricName":"M"},"Stat":"Sum"}}]}""";

        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("GetMetricData", body));

        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "com.amazonaws.cloudwatch#MissingRequiredParameterException", "MissingParameter");
        Assert.Equal("The parameter MetricDataQueries.member.1.MetricStat.Period is required.", message);
    }

    [Fact]
    public async Task Without_configured_keys_any_signature_is_accepted()
    {
        var request = LocalCloudServer.CloudWatchRequest("ListMetrics", "{}");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=anyone/20261120/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00");

        using var response = await _server.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_the_json_content_type_is_refused()
    {
        var request = LocalCloudServer.CloudWatchRequest("ListMetrics", "{}");
        request.Content!.Headers.ContentType = new("application/json");

        using var response = await _server.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_gzip_compressed_body_is_read_as_json()
    {
        var now = _server.Clock.GetUtcNow().ToUnixTimeSeconds();
        var json = $$"""{"Namespace":"Kessan","MetricData":[{"MetricName":"Registrations","Value":3,"Timestamp":{{now}}}]}""";
        var request = LocalCloudServer.CloudWatchRequest("PutMetricData", Gzip(json));
        request.Content!.Headers.ContentEncoding.Add("gzip");

        using var put = await _server.SendAsync(request);
        using var list = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("ListMetrics", """{"Namespace":"Kessan"}"""));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains("Registrations", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_GetMetricData_response_has_epoch_second_timestamps()
    {
        var minute = _server.Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds();
        await _server.SendAsync(LocalCloudServer.CloudWatchRequest("PutMetricData",
            $$"""{"Namespace":"Kessan","MetricData":[{"MetricName":"Registrations","Value":3,"Timestamp":{{minute + 10}}}]}"""));

        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("GetMetricData",
            $$$"""{"StartTime":{{{minute - 600}}},"EndTime":{{{minute + 600}}},"MetricDataQueries":[{"Id":"r","MetricStat":{"Metric":{"Namespace":"Kessan","MetricName":"Registrations"},"Period":60,"Stat":"Sum"}}]}"""));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = body.RootElement.GetProperty("MetricDataResults")[0];
        Assert.Equal(minute, result.GetProperty("Timestamps")[0].GetInt64());
        Assert.Equal(3, result.GetProperty("Values")[0].GetDouble());
    }

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type, string queryCode)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal($"{queryCode};Sender", response.Headers.GetValues("x-amzn-query-error").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(type, body.RootElement.GetProperty("__type").GetString());
        return body.RootElement.GetProperty("message").GetString()!;
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }
}
