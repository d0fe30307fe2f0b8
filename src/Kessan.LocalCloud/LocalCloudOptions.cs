using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud;

/// <summary>Settings of the local CloudWatch endpoint, section <c>LocalCloud</c>.</summary>
public sealed class LocalCloudOptions
{
    public const string Section = "LocalCloud";

    /// <summary>Where it listens. Loopback by default; port 0 picks a free one.</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:4566";

    /// <summary>Replaces <c>${Environment}</c> in the seed's dashboards and alarms (Kessan-{env}-Main, kessan-db-{env}).</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,32}$", ErrorMessage = "LocalCloud:Environment must be 1-32 lowercase letters, digits or dashes.")]
    public string Environment { get; set; } = "local";

    [Required]
    public string Region { get; set; } = "ap-northeast-1";

    [Required, RegularExpression("^[0-9]{12}$", ErrorMessage = "LocalCloud:AccountId must be 12 digits.")]
    public string AccountId { get; set; } = "000000000000";

    /// <summary>When both keys are set, every request must carry a valid SigV4 signature made with them;
    /// otherwise any signature (or none) is accepted, as LocalStack does.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>How long datapoints are kept; older ones are dropped so memory stays flat on a long run.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "15.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3);

    [ValidateObjectMembers]
    public SimulatorOptions Simulator { get; set; } = new();

    [ValidateObjectMembers]
    public LogsOptions Logs { get; set; } = new();

    public bool VerifiesSignatures => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);
}

/// <summary>The traffic simulator that plays the Kessan backend, section <c>LocalCloud:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The same seed gives the same traffic for the same minute, whenever it is generated.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>History generated at start, ending now.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3.00:00:00")]
    public TimeSpan Backfill { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often live traffic is published; CloudWatch's own resolution is one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Scheduled incidents: one starts every this often (zero: only on demand).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan IncidentEvery { get; set; } = TimeSpan.FromHours(3);

    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan IncidentDuration { get; set; } = TimeSpan.FromMinutes(20);
}

/// <summary>CloudWatch Logs and Logs Insights, section <c>LocalCloud:Logs</c>.</summary>
public sealed class LogsOptions
{
    /// <summary>How long log events are kept; older ones are refused as expired and trimmed. Shorter than the metric
    /// retention by default because events weigh far more than datapoints (docs/benchmarks.md has the figures).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "15.00:00:00", ErrorMessage = "LocalCloud:Logs:Retention must be between 00:10:00 and 15.00:00:00.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Insights queries scheduled or running at once; one more is refused with LimitExceededException.</summary>
    [Range(1, 100, ErrorMessage = "LocalCloud:Logs:MaxConcurrentQueries must be between 1 and 100.")]
    public int MaxConcurrentQueries { get; set; } = 30;

    /// <summary>A query still running after this long stops with status Timeout (AWS allows 60 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "LocalCloud:Logs:QueryTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
