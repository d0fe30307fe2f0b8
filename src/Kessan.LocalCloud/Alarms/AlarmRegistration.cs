using Kessan.LocalCloud.Metrics;

namespace Kessan.LocalCloud.Alarms;

/// <summary>Wires metric alarms: the store, the once-a-minute evaluator (which installs the seed's alarms), the
/// notifier, and the alarm operations in CloudWatch's operation table. Needs the metric store and SNS.</summary>
public static class AlarmRegistration
{
    public static IServiceCollection AddAlarms(this IServiceCollection services)
    {
        services.AddSingleton<AlarmStore>();
        services.AddSingleton<AlarmNotifier>();
        services.AddSingleton<AlarmOperations>();
        services.AddHostedService<AlarmEvaluator>();
        services.AddCloudWatchOperations((provider, json) => provider.GetRequiredService<AlarmOperations>().Table(json));
        return services;
    }
}
