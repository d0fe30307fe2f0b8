namespace Kessan.LocalCloud.Simulator.Incidents;

/// <summary>What can go wrong; each one breaches one of the seed's alarms.</summary>
public enum IncidentKind
{
    /// <summary>Slow database queries: /stocks/search averages far above 1000 ms (API-HighResponseTime).</summary>
    LatencySpike,

    /// <summary>Half of all requests fail with 500 (API-HighErrorRate).</summary>
    ErrorBurst,

    /// <summary>ECS tasks run hot above 90 % CPU (ECS-HighCPU).</summary>
    CpuSurge,

    /// <summary>Connection pool leak: RDS connections far above 80 (DB-HighConnections).</summary>
    DbConnectionSurge,
}

/// <summary>The names incidents go by on the wire (<c>POST /_localcloud/incidents</c>) and in logs.</summary>
public static class IncidentKinds
{
    private static readonly IReadOnlyList<(IncidentKind Kind, string Name)> Names =
    [
        (IncidentKind.LatencySpike, "latency-spike"),
        (IncidentKind.ErrorBurst, "error-burst"),
        (IncidentKind.CpuSurge, "cpu-surge"),
        (IncidentKind.DbConnectionSurge, "db-connection-surge"),
    ];

    public static IReadOnlyList<IncidentKind> All { get; } = [.. Names.Select(n => n.Kind)];

    /// <summary>"latency-spike, error-burst, …", for messages that tell a caller what is accepted.</summary>
    public static string Accepted { get; } = string.Join(", ", Names.Select(n => n.Name));

    public static string WireName(this IncidentKind kind) => Names.First(n => n.Kind == kind).Name;

    public static bool TryParse(string? name, out IncidentKind kind)
    {
        foreach (var entry in Names)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
