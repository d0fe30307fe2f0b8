using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Traffic;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Simulator;

/// <summary>Wires the traffic simulator that plays the Kessan backend. It writes through <c>IMetricSink</c>,
/// <c>ILogSink</c> and <c>DashboardStore</c>, which the host registers.</summary>
public static class TrafficSimulatorRegistration
{
    public static IServiceCollection AddTrafficSimulator(this IServiceCollection services)
    {
        services.AddSingleton(sp => new TrafficModel(sp.GetRequiredService<IOptions<LocalCloudOptions>>().Value.Simulator.Seed));
        services.AddSingleton<IncidentCalendar>();
        services.AddHostedService<TrafficSimulator>();
        return services;
    }

    /// <summary>Maps <c>/_localcloud/incidents</c> (GET lists, POST starts one).</summary>
    public static IEndpointRouteBuilder MapTrafficSimulator(this IEndpointRouteBuilder endpoints) => endpoints.MapIncidentEndpoints();
}
