namespace Kessan.LocalCloud.Simulator;

/// <summary>Wires the traffic simulator that plays the Kessan backend.</summary>
public static class TrafficSimulatorRegistration
{
    public static IServiceCollection AddTrafficSimulator(this IServiceCollection services) => services;
}
