using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Aws.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>A recording server and a client host pointed at it: what most tests start with.</summary>
public sealed class CloudWatchHarness : IAsyncDisposable
{
    /// <summary>The default Aws:AttemptTimeout; every backoff wait is shorter (at most 20 s).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;

    private CloudWatchHarness(RecordingServer server, AwsClientBuilder builder)
    {
        Server = server;
        Clock = builder.Clock;
        Logs = builder.Logs;
        _host = builder.Build();
    }

    public RecordingServer Server { get; }

    public RetryClock Clock { get; }

    public RecordingLoggerProvider Logs { get; }

    public ICloudWatch CloudWatch => _host.Services.GetRequiredService<ICloudWatch>();

    public ICloudWatchLogs CloudWatchLogs => _host.Services.GetRequiredService<ICloudWatchLogs>();

    /// <summary>The transport itself, for protocol-level calls.</summary>
    internal AwsJsonTransport Transport => _host.Services.GetRequiredService<AwsJsonTransport>();

    public static async Task<CloudWatchHarness> StartAsync(Action<AwsClientBuilder>? configure = null)
    {
        var server = await RecordingServer.StartAsync();
        var builder = new AwsClientBuilder().WithEndpoint(server.Url);
        configure?.Invoke(builder);
        return new CloudWatchHarness(server, builder);
    }

    /// <summary>Returns once a call has started waiting before its next attempt.</summary>
    public Task<TimeSpan> WaitForBackoffAsync() => Clock.WaitForTimerShorterThanAsync(AttemptTimeout);

    /// <summary>The call's waits between attempts, advanced on the fake clock until it ends.</summary>
    public Task<IReadOnlyList<TimeSpan>> AdvanceThroughBackoffAsync(Task call) =>
        Clock.AdvanceThroughBackoffAsync(call, AttemptTimeout);

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Server.DisposeAsync();
    }
}
