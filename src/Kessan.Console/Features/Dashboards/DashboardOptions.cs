using System.ComponentModel.DataAnnotations;

namespace Kessan.Console.Features.Dashboards;

/// <summary>Dashboard settings, section <c>Dashboards</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboards";
    public const string MeterName = "Kessan.Console.Dashboards";

    /// <summary>A widget's period is raised when the range would give a series more points than this.</summary>
    [Range(60, 10_000)]
    public int MaxPointsPerSeries { get; set; } = 1440;

    /// <summary>First retry after a failed refresh; doubles on each further failure, up to a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The refresher looks at its schedule at least this often even when nothing is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdleWakeUp { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dashboard list or body is reused before CloudWatch is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CatalogCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
