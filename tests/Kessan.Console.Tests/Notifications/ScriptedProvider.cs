using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kessan.Console.Tests.Notifications;

/// <summary>One answer of the <see cref="ScriptedProvider"/>: a status, a body, optionally a Retry-After, or no
/// answer at all (<see cref="Hang"/>: the request waits until the caller gives up).</summary>
public sealed record ProviderReply(int Status, string Body = "", string ContentType = "text/plain", int? RetryAfterSeconds = null, bool Hang = false)
{
    public static ProviderReply SlackOk { get; } = new(200, "ok");

    public static ProviderReply PagerDutyAccepted { get; } =
        new(202, """{"status":"success","message":"Event processed","dedup_key":"from-the-provider"}""", "application/json");

    public static ProviderReply NoAnswer { get; } = new(0, Hang: true);

    public static ProviderReply TooManyRequests(int retryAfterSeconds) => new(429, "rate_limited", RetryAfterSeconds: retryAfterSeconds);
}

/// <summary>What the provider received.</summary>
public sealed record ProviderRequest(string Path, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>An HTTP server on 127.0.0.1 (a free port) that answers like Slack's webhook or PagerDuty's events
/// endpoint, as scripted per path: each request takes the next scripted reply for its path, or the path's default.
/// Every request is recorded.</summary>
public sealed class ScriptedProvider : IAsyncDisposable
{
    public const string SlackPath = "/services/T0SCRIPT/B0SCRIPT/webhook-secret-path-9f8e7d";
    public const string PagerDutyPath = "/v2/enqueue";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ProviderReply>> _scripts = new();
    private readonly ConcurrentDictionary<string, ProviderReply> _defaults = new();
    private readonly ConcurrentQueue<ProviderRequest> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    private ScriptedProvider(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = default!;

    public Uri SlackWebhook => new(Address, SlackPath);

    public Uri PagerDutyEvents => new(Address, PagerDutyPath);

    public IReadOnlyList<ProviderRequest> Received(string path) => [.. _received.Where(r => r.Path == path)];

    public static async Task<ScriptedProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new ScriptedProvider(app);
        provider.SetDefault(SlackPath, ProviderReply.SlackOk);
        provider.SetDefault(PagerDutyPath, ProviderReply.PagerDutyAccepted);
        app.MapPost("/{**path}", provider.AnswerAsync);
        await app.StartAsync();
        provider.Address = new Uri(app.Urls.Single());
        return provider;
    }

    /// <summary>The next requests to <paramref name="path"/> get these replies, in order.</summary>
    public void Script(string path, params ProviderReply[] replies)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<ProviderReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>What <paramref name="path"/> answers once its script is used up.</summary>
    public void SetDefault(string path, ProviderReply reply) => _defaults[path] = reply;

    /// <summary>Waits (at most ten seconds) until <paramref name="path"/> has received <paramref name="count"/> requests.</summary>
    public async Task<IReadOnlyList<ProviderRequest>> WaitForAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Received(path).Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrivals.WaitAsync(left))
            {
                throw new TimeoutException($"{path} received {Received(path).Count} requests, not {count}, within ten seconds.");
            }
        }
        return Received(path);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        _received.Enqueue(new ProviderRequest(path, await reader.ReadToEndAsync()));
        _arrivals.Release();

        var reply = _scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : _defaults.GetValueOrDefault(path, new ProviderReply(404, "no_service"));
        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }
}
