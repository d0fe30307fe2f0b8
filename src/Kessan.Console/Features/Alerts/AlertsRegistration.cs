using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Sources;
using Kessan.Console.Features.Alerts.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Alerts;

public static class AlertsRegistration
{
    /// <summary>Alerts: the store (migrated at start), the feed and its transport, the alarm watcher, the SNS and
    /// ingest sources, and the hub with its relay. Map them with <see cref="AlertEndpoints.MapAlerts"/>.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The migration is the first alerts service to start, so nothing reads or writes an old schema.
        services.AddSingleton<AlertsDatabase>();
        services.AddSingleton<IDbContextFactory<AlertsDbContext>>(s => s.GetRequiredService<AlertsDatabase>());
        services.AddHostedService<AlertsDatabaseMigration>();

        // Several consoles share state only through PostgreSQL; their feeds then meet on its LISTEN/NOTIFY.
        var provider = builder.Configuration.GetSection(AlertOptions.Section).GetValue<AlertDatabaseProvider?>(nameof(AlertOptions.Provider));
        if (provider == AlertDatabaseProvider.Postgres)
        {
            services.AddSingleton<PostgresAlertChangeTransport>();
            services.AddSingleton<IAlertChangeTransport>(s => s.GetRequiredService<PostgresAlertChangeTransport>());
            services.AddHostedService(s => s.GetRequiredService<PostgresAlertChangeTransport>());
        }
        else
        {
            services.AddSingleton<IAlertChangeTransport, InProcessAlertChangeTransport>();
        }
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertAcknowledgement>();
        services.AddSingleton(s =>
        {
            var options = s.GetRequiredService<IOptions<AlertOptions>>().Value;
            return new AlarmSeverityMap(options.AlarmSeverities, options.DefaultAlarmSeverity);
        });

        services.AddSingleton<AlarmWatcher>();
        services.AddHostedService(s => s.GetRequiredService<AlarmWatcher>());
        services.AddSingleton<SnsTrust>();
        services.AddSingleton<SnsSignatureVerifier>();
        services.AddSingleton<SnsEndpoint>();
        services.AddHttpClient(SnsSignatureVerifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IngestApiKeys>();
        services.AddSingleton<IngestEndpoint>();

        services.AddAuthorization();
        services.AddSignalR().AddJsonProtocol(json => AlertJson.Configure(json.PayloadSerializerOptions));
        services.AddHostedService<AlertHubRelay>();
        return builder;
    }
}
