using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.LocalCloud.Tests.Protocol;

/// <summary>LocalCloud as it runs, on a free loopback port and a fake clock, with the simulator off.</summary>
internal sealed class LocalCloudServer : IAsyncDisposable
{
    public const string CloudWatchTarget = "GraniteServiceVersion20100801";
    public const string AccessKeyId = "AKIDLOCALCLOUDTEST";
    public const string SecretAccessKey = "local-cloud-test-secret";

    private readonly WebApplication _app;

    private LocalCloudServer(WebApplication app, FakeTimeProvider clock, Uri address)
    {
        _app = app;
        Services = app.Services;
        Clock = clock;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public FakeTimeProvider Clock { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services { get; }

    /// <param name="verifySignatures">Configures LocalCloud with <see cref="AccessKeyId"/> and <see cref="SecretAccessKey"/>.</param>
    /// <param name="settings">More keys, e.g. ("LocalCloud:Sns:SignatureVersion", "1").</param>
    public static async Task<LocalCloudServer> StartAsync(bool verifySignatures = false, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["LocalCloud:Url"] = "http://127.0.0.1:0",
            ["LocalCloud:Simulator:Enabled"] = "false",
        };
        if (verifySignatures)
        {
            configuration["LocalCloud:AccessKeyId"] = AccessKeyId;
            configuration["LocalCloud:SecretAccessKey"] = SecretAccessKey;
        }

        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
        var app = LocalCloudHost.Build(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), clock, _ => { });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new LocalCloudServer(app, clock, new Uri(app.Urls.Single()));
    }

    /// <summary>A CloudWatch call as the SDKs make it: <c>POST /</c> with the target header and JSON 1.0 body.</summary>
    public static HttpRequestMessage CloudWatchRequest(string operation, string json) => CloudWatchRequest(operation, Encoding.UTF8.GetBytes(json));

    public static HttpRequestMessage CloudWatchRequest(string operation, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Amz-Target", $"{CloudWatchTarget}.{operation}");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>Calls a CloudWatch operation; returns the status, the JSON body and the x-amzn-query-error code.</summary>
    public async Task<CloudWatchReply> CallAsync(string operation, string json)
    {
        using var response = await Client.SendAsync(CloudWatchRequest(operation, json));
        var body = await response.Content.ReadAsStringAsync();
        var queryError = response.Headers.TryGetValues("x-amzn-query-error", out var values) ? values.Single().Split(';')[0] : null;
        return new CloudWatchReply(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), queryError);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <param name="QueryError">The awsQuery error code, for an error.</param>
internal sealed record CloudWatchReply(HttpStatusCode Status, JsonElement Body, string? QueryError)
{
    public string Message => Body.GetProperty("message").GetString()!;
}
