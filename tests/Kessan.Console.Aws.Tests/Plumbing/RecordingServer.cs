using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>One HTTP exchange as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as JSON, decompressed first when it was sent gzip-compressed.</summary>
    public JsonNode? Json => JsonNode.Parse(Header("Content-Encoding") == "gzip" ? Gunzip(Body) : Body);

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}

/// <summary>What the server answers to the next request; <see cref="Hang"/> never answers until the client gives up.</summary>
public sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static ScriptedReply Hang { get; } = new(0, string.Empty, new Dictionary<string, string>());

    public static ScriptedReply Ok(string json, string requestId = "req-ok") =>
        new(200, json, new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId });

    public static ScriptedReply Error(int status, string json, string requestId = "req-error", string? queryError = null) =>
        new(status, json, queryError is null
            ? new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId }
            : new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId, ["x-amzn-query-error"] = queryError });
}

/// <summary>A real HTTP server on 127.0.0.1 and a free port that records every request and answers with the
/// scripted replies in order, then <c>{}</c>.</summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly WebApplication _app;

    private RecordingServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingServer> StartAsync()
    {
        var server = new RecordingServer();
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Urls.Single());
        return server;
    }

    public RecordingServer Reply(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    /// <summary>Waits (with a deadline) until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (_requests.Count < count)
        {
            if (!await _arrivals.WaitAsync(Deadline))
            {
                throw new TimeoutException($"Expected {count} requests within {Deadline}, got {_requests.Count}.");
            }
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, body.ToArray()));
        _arrivals.Release();

        var reply = _replies.TryDequeue(out var next) ? next : ScriptedReply.Ok("{}");
        if (ReferenceEquals(reply, ScriptedReply.Hang))
        {
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(reply.Body));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }
}
