namespace Kessan.LocalCloud.Simulator;

/// <summary>The seed's two CloudWatch dashboards (cloudwatch-dashboards.yml), their bodies kept verbatim as embedded
/// resources and given the environment the way CloudFormation's <c>!Sub</c> does.</summary>
public static class SeedDashboards
{
    private static readonly IReadOnlyList<(string Suffix, string Resource)> Dashboards =
    [
        ("Main", "DashboardBodies.Kessan-Main.json"),
        ("Performance", "DashboardBodies.Kessan-Performance.json"),
    ];

    /// <summary>(Kessan-{env}-Main, body) and (Kessan-{env}-Performance, body) with <c>${Environment}</c> replaced.</summary>
    public static IReadOnlyList<(string Name, string Body)> For(string environment) =>
        [.. Dashboards.Select(d => ($"Kessan-{environment}-{d.Suffix}", Read(d.Resource).Replace("${Environment}", environment, StringComparison.Ordinal)))];

    private static string Read(string resource)
    {
        using var stream = typeof(SeedDashboards).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from {typeof(SeedDashboards).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
