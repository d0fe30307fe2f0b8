using System.Net.Http.Json;
using System.Text.Json;
using Kessan.Benchmarks.Hosting;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Sources;

namespace Kessan.Benchmarks.Alerts;

/// <summary>Raises and resolves application alerts through <c>POST /api/alerts</c>, as the backend's AlertManager does.</summary>
internal sealed class ApplicationAlerts(ConsoleUnderLoad console, TimeProvider clock) : IDisposable
{
    private readonly HttpClient _http = CreateClient(console);

    /// <summary>Opens an alert under <paramref name="dedupKey"/> and returns its id.</summary>
    public async Task<long> RaiseAsync(string dedupKey, string title, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(new
        {
            title,
            message = "Raised by the benchmark driver",
            severity = "high",
            context = new { driver = "Kessan.Benchmarks" },
            timestamp = clock.GetUtcNow(),
            dedupKey,
        }, cancellationToken);
        return reply.Alert?.Id ?? throw new InvalidOperationException($"Ingesting {dedupKey} opened nothing: {reply.Outcome}.");
    }

    public Task ResolveAsync(string dedupKey, CancellationToken cancellationToken) =>
        SendAsync(new { dedupKey, resolve = true, timestamp = clock.GetUtcNow() }, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<IngestReply> SendAsync(object payload, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(IngestEndpoint.Path, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<IngestReply>(AlertJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The ingest API answered with an empty body.");
    }

    private static HttpClient CreateClient(ConsoleUnderLoad console)
    {
        var http = console.CreateClient();
        http.DefaultRequestHeaders.Add(IngestApiKeys.Header, ConsoleUnderLoad.IngestApiKey);
        return http;
    }
}
