using Kessan.LocalCloud.Alarms;
using Kessan.LocalCloud.Dashboards;
using Kessan.LocalCloud.Logs;
using Kessan.LocalCloud.Metrics;
using Kessan.LocalCloud.Receivers;
using Kessan.LocalCloud.Simulator;
using Kessan.LocalCloud.Sns;

namespace Kessan.LocalCloud;

/// <summary>Builds the LocalCloud web application. The standalone program and the console's embedded mode
/// both come through here, so they serve the same endpoints with the same engines.</summary>
public static class LocalCloudHost
{
    /// <param name="configuration">Configuration holding the <c>LocalCloud</c> section (and <c>Logging</c>).</param>
    /// <param name="clock">The clock for every engine; tests pass a fake one.</param>
    /// <param name="configureLogging">Lets an embedding host route LocalCloud's logs into its own.</param>
    /// <param name="configureServices">Runs after LocalCloud's own registrations, so it can replace one (tests hold
    /// Insights queries at their <see cref="Logs.Insights.QueryCheckpoints"/> this way).</param>
    public static WebApplication Build(
        IConfiguration configuration, TimeProvider? clock = null, Action<ILoggingBuilder>? configureLogging = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalCloudHost).Assembly.GetName().Name });
        // A copy, not a chained source: settings this host writes (its URLs) must not leak into an embedding host.
        builder.Configuration.AddInMemoryCollection(
            configuration.GetSection(LocalCloudOptions.Section).AsEnumerable()
                .Concat(configuration.GetSection("Logging").AsEnumerable()));
        if (configureLogging is not null)
        {
            builder.Logging.ClearProviders();
            configureLogging(builder.Logging);
        }

        builder.Services.AddOptions<LocalCloudOptions>()
            .BindConfiguration(LocalCloudOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton<DashboardStore>();
        builder.Services.AddCloudWatchApi();
        builder.Services.AddCloudWatchLogsApi();
        builder.Services.AddAlarms();
        builder.Services.AddSns();
        builder.Services.AddTrafficSimulator();
        builder.Services.AddReceivers();
        configureServices?.Invoke(builder.Services);

        var url = configuration[$"{LocalCloudOptions.Section}:{nameof(LocalCloudOptions.Url)}"] ?? new LocalCloudOptions().Url;
        builder.WebHost.UseUrls(url);

        var app = builder.Build();
        app.MapCloudWatchApi();
        app.MapSns();
        app.MapTrafficSimulator();
        app.MapReceivers();
        return app;
    }
}
