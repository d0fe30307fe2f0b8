using System.ComponentModel.DataAnnotations;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts.Sources;

namespace Kessan.Console.Features.Alerts;

/// <summary>Where alerts are stored.</summary>
public enum AlertDatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Alert settings, section <c>Alerts</c>.</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>An ingest key shorter than this is too easy to guess.</summary>
    public const int MinIngestApiKeyLength = 16;

    public AlertDatabaseProvider Provider { get; set; } = AlertDatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the content root unless absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "data/kessan-console.db";

    /// <summary>The full connection string: required for PostgreSQL; for SQLite it replaces <see cref="Database"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often the alarm watcher asks CloudWatch for alarm states and history.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How far back the watcher reads alarm history when it starts, to catch what happened while no
    /// console was running.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "14.00:00:00")]
    public TimeSpan AlarmHistoryLookback { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Severity per CloudWatch alarm name (low, medium, high, critical).</summary>
    public Dictionary<string, AlertSeverity> AlarmSeverities { get; set; } = [];

    /// <summary>Severity of alarms not named in <see cref="AlarmSeverities"/>.</summary>
    public AlertSeverity DefaultAlarmSeverity { get; set; } = AlertSeverity.High;

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header of <c>POST /api/alerts</c>. None: ingest refuses everything.</summary>
    public List<string> IngestApiKeys { get; set; } = [];

    public SnsOptions Sns { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == AlertDatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"{Section}:{nameof(ConnectionString)} is required when {Section}:{nameof(Provider)} is postgres.",
                [nameof(ConnectionString)]);
        }
        for (var i = 0; i < IngestApiKeys.Count; i++)
        {
            // Says which entry, never what it holds.
            if (IngestApiKeys[i] is not { Length: >= MinIngestApiKeyLength })
            {
                yield return new ValidationResult($"{Section}:{nameof(IngestApiKeys)}:{i} must be at least {MinIngestApiKeyLength} characters.",
                    [nameof(IngestApiKeys)]);
            }
        }
        foreach (var result in Sns.Validate($"{Section}:{nameof(Sns)}"))
        {
            yield return result;
        }
    }
}

/// <summary>The SNS HTTP subscription endpoint, section <c>Alerts:Sns</c>.</summary>
public sealed class SnsOptions
{
    /// <summary>Topics whose messages are accepted (and whose subscriptions are confirmed). Any other topic is refused,
    /// even when AWS signed it: anyone can sign messages from a topic of their own.</summary>
    public List<string> TopicArns { get; set; } = [];

    /// <summary>Certificate URL prefixes trusted besides <c>https://sns.&lt;region&gt;.amazonaws.com/</c>.
    /// Local mode adds LocalCloud's own at start.</summary>
    public List<string> TrustedCertificateUrlPrefixes { get; set; } = [];

    internal IEnumerable<ValidationResult> Validate(string section)
    {
        for (var i = 0; i < TopicArns.Count; i++)
        {
            if (!SnsTrust.LooksLikeTopicArn(TopicArns[i]))
            {
                yield return new ValidationResult($"{section}:{nameof(TopicArns)}:{i} must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>), not '{TopicArns[i]}'.");
            }
        }
        for (var i = 0; i < TrustedCertificateUrlPrefixes.Count; i++)
        {
            if (!Uri.TryCreate(TrustedCertificateUrlPrefixes[i], UriKind.Absolute, out var prefix) || prefix.Scheme is not ("https" or "http"))
            {
                yield return new ValidationResult($"{section}:{nameof(TrustedCertificateUrlPrefixes)}:{i} must be an absolute http(s) URL, not '{TrustedCertificateUrlPrefixes[i]}'.");
            }
        }
    }
}
