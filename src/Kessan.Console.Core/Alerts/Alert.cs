using System.Text.Json;

namespace Kessan.Console.Core.Alerts;

/// <summary>One firing with its lifecycle, as stored. <see cref="DedupKey"/> identifies the problem (an alarm's name,
/// or the application's key or title); at most one alert per source and key is open (not resolved) at a time.</summary>
public sealed record Alert
{
    public required long Id { get; init; }
    public required AlertSource Source { get; init; }
    public required string DedupKey { get; init; }
    public required string Title { get; init; }

    /// <summary>The latest report's message.</summary>
    public required string Message { get; init; }

    public required AlertSeverity Severity { get; init; }

    /// <summary>A JSON object: the application's context, or the alarm's reason data.</summary>
    public required JsonElement Context { get; init; }

    public required AlertState State { get; init; }
    public required DateTimeOffset TriggeredAt { get; init; }
    public required DateTimeOffset LastFiredAt { get; init; }

    /// <summary>Reports of this firing: 1 when it opened, +1 for each repeat.</summary>
    public required int FireCount { get; init; }

    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgementNote { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }

    public bool IsOpen => State != AlertState.Resolved;
}
