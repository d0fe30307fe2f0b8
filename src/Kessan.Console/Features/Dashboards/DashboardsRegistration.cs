using Kessan.Console.Features.Dashboards.Refresh;

namespace Kessan.Console.Features.Dashboards;

public static class DashboardsRegistration
{
    /// <summary>Dashboards: the catalog (ListDashboards/GetDashboard) and the shared metric refresher.</summary>
    public static IHostApplicationBuilder AddDashboards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DashboardCatalog>();
        builder.Services.AddSingleton<MetricRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MetricRefresher>());
        return builder;
    }
}
