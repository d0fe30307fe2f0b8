using System.ComponentModel.DataAnnotations;

namespace Kessan.Console.Features.Logs;

/// <summary>The /logs page, section <c>Logs</c>.</summary>
public sealed class LogsOptions
{
    public const string Section = "Logs";

    /// <summary>The Kessan API's log group (<c>/kessan/{env}/api</c>): what the page selects when the URL names none
    /// and what "Logs around this alert" searches. Local mode sets LocalCloud's; unset on AWS, the page picks the
    /// first group whose name ends in <c>/api</c>.</summary>
    public string? ApiLogGroup { get; set; }

    /// <summary>How often a running query is asked for its partial results.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Logs:PollInterval must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
