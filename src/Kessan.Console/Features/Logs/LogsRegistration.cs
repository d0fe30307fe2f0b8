using Kessan.Console.Features.LocalMode;
using Kessan.LocalCloud;
using Kessan.LocalCloud.Simulator.Projections;

namespace Kessan.Console.Features.Logs;

public static class LogsRegistration
{
    /// <summary>Logs Insights: the page's options and the saved queries (in the alerts database, so after
    /// <c>AddAlerts</c>; and after local mode, whose LocalCloud log group is the default API group). Map the API
    /// with <see cref="LogsEndpoints.MapLogs"/>.</summary>
    public static IHostApplicationBuilder AddLogs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogsOptions>()
            .BindConfiguration(LogsOptions.Section)
            .PostConfigure<DataSource, IConfiguration>((options, dataSource, configuration) =>
            {
                if (options.ApiLogGroup is null && dataSource.IsLocal)
                {
                    var environment = configuration[$"{LocalCloudOptions.Section}:{nameof(LocalCloudOptions.Environment)}"] ?? new LocalCloudOptions().Environment;
                    options.ApiLogGroup = LogProjection.LogGroupName(environment);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SavedQueryStore>();
        return builder;
    }
}
