using Kessan.Console.Features.LocalMode;
using Kessan.LocalCloud;
using Kessan.LocalCloud.Simulator.Projections;
using Microsoft.Extensions.Options;

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
            .PostConfigure<DataSource, IOptions<LocalCloudOptions>>((options, dataSource, localCloud) =>
            {
                if (options.ApiLogGroup is null && dataSource.IsLocal)
                {
                    options.ApiLogGroup = LogProjection.LogGroupName(localCloud.Value.Environment);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SavedQueryStore>();
        return builder;
    }
}
