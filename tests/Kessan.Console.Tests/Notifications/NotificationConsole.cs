using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Notifications.Storage;
using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Console.Tests.Notifications;

/// <summary>The console in AWS mode (a scripted CloudWatch) with the notification channels a test configures, its
/// database in a temp folder (deleted on dispose), the <see cref="TestUsers"/>, every log line kept, and a fake
/// clock that retries, backoffs and timeouts wait on. Retries start with no wait unless a test sets one.</summary>
public sealed class NotificationConsole : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kessan-notifications-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Notifications:RetryBaseDelay"] = "00:00:00",
        ["Notifications:MaxAttempts"] = "3",
        ["Notifications:AttemptTimeout"] = "00:00:05",
    };

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));

    public CapturedLog Log { get; } = new();

    public AlertStore Store => Services.GetRequiredService<AlertStore>();

    public DeliveryLog Deliveries => Services.GetRequiredService<DeliveryLog>();

    /// <summary>Sets <c>Notifications:&lt;key&gt;</c> (e.g. <c>Channels:ops-slack:Type</c>); before the first use only.</summary>
    public NotificationConsole With(string key, string? value)
    {
        _settings[$"Notifications:{key}"] = value;
        return this;
    }

    public NotificationConsole WithSlack(string name, Uri webhook, string? severities = null) =>
        With($"Channels:{name}:Type", "slack").With($"Channels:{name}:WebhookUrl", webhook.AbsoluteUri).With($"Channels:{name}:Severities", severities);

    public NotificationConsole WithPagerDuty(string name, Uri eventsUrl, string routingKey, string? severities = null) =>
        With($"Channels:{name}:Type", "pagerduty").With($"Channels:{name}:EventsUrl", eventsUrl.AbsoluteUri)
            .With($"Channels:{name}:RoutingKey", routingKey).With($"Channels:{name}:Severities", severities);

    public NotificationConsole WithEmail(string name, int port, string? username = null, string? password = null, string security = "none") =>
        With($"Channels:{name}:Type", "email").With($"Channels:{name}:Host", "127.0.0.1")
            .With($"Channels:{name}:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With($"Channels:{name}:Security", security).With($"Channels:{name}:From", "kessan@example.com")
            .With($"Channels:{name}:To", "oncall@example.com, lead@example.com")
            .With($"Channels:{name}:Username", username).With($"Channels:{name}:Password", password);

    /// <summary>Opens a CloudWatch-alarm alert (or an application one) as a source would report it.</summary>
    public async Task<Alert> OpenAlertAsync(string key, AlertSeverity severity, AlertSource source = AlertSource.Alarm, object? context = null)
    {
        var outcome = await Store.RecordAsync(new AlertFiring
        {
            Source = source,
            DedupKey = key,
            At = Clock.GetUtcNow(),
            Actor = source == AlertSource.Alarm ? "cloudwatch" : "application",
            TransitionKey = $"{key}/fire/{Guid.NewGuid():N}",
            Title = key,
            Message = $"{key} is in ALARM",
            Severity = severity,
            Context = JsonSerializer.SerializeToElement(context ?? new { threshold = 80 }),
        }, CancellationToken.None);
        return ((SignalOutcome.Opened)outcome).Alert;
    }

    public Task ResolveAlertAsync(Alert alert) =>
        Store.RecordAsync(new AlertResolution
        {
            Source = alert.Source,
            DedupKey = alert.DedupKey,
            At = Clock.GetUtcNow(),
            Actor = "cloudwatch",
            TransitionKey = $"{alert.DedupKey}/ok/{Guid.NewGuid():N}",
        }, CancellationToken.None);

    public Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(AttemptFilter? filter = null) =>
        Deliveries.ListAttemptsAsync(filter ?? AttemptFilter.All, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddYears(-1), CancellationToken.None);

    /// <summary>Waits (at most ten seconds) until <paramref name="done"/> holds for the recorded attempts, oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> WaitForAttemptsAsync(Func<IReadOnlyList<DeliveryAttempt>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var attempts = (await AttemptsAsync()).Reverse().ToList();
            if (done(attempts))
            {
                return attempts;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The delivery log did not reach the expected state within ten seconds; it has: {string.Join("; ", attempts.Select(a => $"{a.Channel} #{a.Number} {a.Status} {a.Error}"))}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The final attempt of every delivery to <paramref name="channel"/>, once <paramref name="count"/> deliveries have ended.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> FinishedAsync(string channel, int count = 1) =>
        (await WaitForAttemptsAsync(attempts => attempts.Count(a => a.Channel == channel && !a.WillRetry) >= count))
            .Where(a => a.Channel == channel && !a.WillRetry).ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kessan:DataSource", "aws");
        builder.UseSetting("Aws:Region", "ap-northeast-1");
        builder.UseSetting("Alerts:Database", Path.Combine(_folder, "alerts.db"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseTestUsers();
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<ICloudWatch>(new ScriptedCloudWatch(Clock)));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
