using System.Net;
using System.Text;
using System.Text.Json;

namespace Kessan.LocalCloud.Tests.Protocol;

public sealed class SignatureVerificationTests : IAsyncLifetime
{
    private const string Body = """{"DashboardName":"Main","DashboardBody":"{\"widgets\":[]}"}""";
    private LocalCloudServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalCloudServer.StartAsync(verifySignatures: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_request_signed_with_the_configured_key_is_accepted()
    {
        using var response = await _server.SendAsync(Signed(Body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_a_little_while_ago_is_accepted()
    {
        using var response = await _server.SendAsync(Signed(Body, signedAt: _server.Clock.GetUtcNow().AddMinutes(-14)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        using var response = await _server.SendAsync(Signed(Body, secretAccessKey: "not-the-secret"));

        await AssertRefusedAsync(response, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task A_request_whose_body_changed_after_signing_is_refused()
    {
        var request = Signed(Body);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body.Replace("Main", "Evil", StringComparison.Ordinal))) { Headers = { ContentType = request.Content!.Headers.ContentType } };

        using var response = await _server.SendAsync(request);

        await AssertRefusedAsync(response, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task A_request_from_an_unknown_access_key_is_refused()
    {
        using var response = await _server.SendAsync(Signed(Body, accessKeyId: "AKIDSOMEONEELSE"));

        await AssertRefusedAsync(response, "InvalidClientTokenId");
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        using var response = await _server.SendAsync(LocalCloudServer.CloudWatchRequest("PutDashboard", Body));

        await AssertRefusedAsync(response, "MissingAuthenticationToken");
    }

    [Fact]
    public async Task A_request_signed_more_than_15_minutes_ago_is_refused()
    {
        using var response = await _server.SendAsync(Signed(Body, signedAt: _server.Clock.GetUtcNow().AddMinutes(-16)));

        var message = await AssertRefusedAsync(response, "SignatureDoesNotMatch");
        Assert.StartsWith("Signature expired", message);
    }

    private HttpRequestMessage Signed(string body, string accessKeyId = LocalCloudServer.AccessKeyId,
        string secretAccessKey = LocalCloudServer.SecretAccessKey, DateTimeOffset? signedAt = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = LocalCloudServer.CloudWatchRequest("PutDashboard", bytes);
        AwsSdkSigner.Sign(request, _server.Address, bytes, accessKeyId, secretAccessKey, signedAt ?? _server.Clock.GetUtcNow());
        return request;
    }

    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string queryCode)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"{queryCode};Sender", response.Headers.GetValues("x-amzn-query-error").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("message").GetString()!;
    }
}
