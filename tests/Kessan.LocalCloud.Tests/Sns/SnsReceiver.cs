using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kessan.LocalCloud.Tests.Sns;

/// <summary>An HTTP endpoint subscribed to SNS, on 127.0.0.1 with a free port: it records every POST and answers
/// with the statuses it was given, in order, then 200.</summary>
internal sealed class SnsReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<ReceivedSnsMessage> _received = Channel.CreateUnbounded<ReceivedSnsMessage>();

    private SnsReceiver(WebApplication app) => _app = app;

    public Uri Endpoint => new(new Uri(_app.Urls.Single()), "/sns");

    public static async Task<SnsReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new SnsReceiver(app);
        var answers = new Queue<int>(statuses);
        app.MapPost("/sns", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            receiver._received.Writer.TryWrite(new ReceivedSnsMessage(headers, body));
            int status;
            lock (answers)
            {
                status = answers.Count > 0 ? answers.Dequeue() : StatusCodes.Status200OK;
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next message posted, waiting up to ten seconds for it.</summary>
    public async Task<ReceivedSnsMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next message, calling <paramref name="nudge"/> (e.g. advancing a fake clock past a retry delay)
    /// while it has not come, up to ten seconds.</summary>
    public async Task<ReceivedSnsMessage> NextAsync(Action nudge)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            try
            {
                return await _received.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
                nudge();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A POST as the endpoint received it; headers by lower-case name.</summary>
internal sealed record ReceivedSnsMessage(IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json { get; } = JsonDocument.Parse(Body).RootElement.Clone();

    public string this[string field] => Json.GetProperty(field).GetString()!;

    public string Type => this["Type"];
}
