using System.Net.Http.Json;
using Kessan.Console.Features.Alerts.Sources;
using Kessan.LocalCloud;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.LocalMode;

/// <summary>Local mode: once the console listens, trusts LocalCloud's SNS signing certificate and alerts topic and
/// subscribes <c>/api/sns</c> to that topic through LocalCloud's admin endpoint, so alarms that fire in LocalCloud
/// reach the console as they would from AWS.</summary>
public sealed partial class LocalCloudAlertSubscription(
    EmbeddedLocalCloud localCloud,
    IServer server,
    IHostApplicationLifetime lifetime,
    SnsTrust trust,
    IHttpClientFactory httpClientFactory,
    IOptions<LocalCloudOptions> localCloudOptions,
    ILogger<LocalCloudAlertSubscription> logger) : BackgroundService
{
    public const string HttpClientName = "localcloud-admin";

    /// <summary>LocalCloud's alerts topic: arn:aws:sns:{region}:000000000000:kessan-{env}-alerts.</summary>
    public static string TopicArn(LocalCloudOptions options) =>
        $"arn:aws:sns:{options.Region}:000000000000:kessan-{options.Environment}-alerts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var topicArn = TopicArn(localCloudOptions.Value);
        trust.Trust(new Uri(localCloud.Address, "/_localcloud/sns/"), topicArn);
        if (ConsoleAddress() is not { } console)
        {
            LogNoAddress();
            return;
        }
        var endpoint = new Uri(console, SnsEndpoint.Path);
        using var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri(localCloud.Address, "/_localcloud/sns/subscriptions"),
                new { topicArn, endpoint = endpoint.AbsoluteUri }, stoppingToken);
            if (response.IsSuccessStatusCode)
            {
                LogSubscribed(topicArn, endpoint);
            }
            else
            {
                LogRefused(topicArn, (int)response.StatusCode);
            }
        }
        catch (HttpRequestException exception)
        {
            LogFailed(exception, topicArn);
        }
    }

    /// <summary>The console's own http address as LocalCloud can reach it: a wildcard host becomes loopback.</summary>
    private Uri? ConsoleAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }
        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local mode: LocalCloud delivers {TopicArn} to {Endpoint}")]
    private partial void LogSubscribed(string topicArn, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local mode: LocalCloud refused to subscribe the console to {TopicArn} (HTTP {Status}); alarms still arrive through the alarm watcher")]
    private partial void LogRefused(string topicArn, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local mode: could not subscribe the console to {TopicArn}; alarms still arrive through the alarm watcher")]
    private partial void LogFailed(Exception exception, string topicArn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local mode: the console has no listening address (in-memory test server); no SNS subscription")]
    private partial void LogNoAddress();
}
