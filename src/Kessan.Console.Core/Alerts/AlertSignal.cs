using System.Text.Json;

namespace Kessan.Console.Core.Alerts;

/// <summary>A source's report about one problem: it fires, or it is over. <see cref="TransitionKey"/> names the
/// report itself, so that the same report heard twice (a restart, a second console, the watcher and SNS) is
/// recorded once.</summary>
public abstract record AlertSignal
{
    public required AlertSource Source { get; init; }
    public required string DedupKey { get; init; }

    /// <summary>When the source says it happened, kept to the millisecond (what every store and wire format holds).</summary>
    public required DateTimeOffset At
    {
        get;
        init => field = DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
    }

    public required string Actor { get; init; }
    public required string TransitionKey { get; init; }

    /// <summary>What the source said about the transition (an alarm's state reason); kept on the event.</summary>
    public string? Detail { get; init; }
}

/// <summary>The problem fires: opens an alert, or counts as a repeat of the open one.</summary>
public sealed record AlertFiring : AlertSignal
{
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required AlertSeverity Severity { get; init; }
    public required JsonElement Context { get; init; }
}

/// <summary>The problem is over: resolves the open alert.</summary>
public sealed record AlertResolution : AlertSignal;
