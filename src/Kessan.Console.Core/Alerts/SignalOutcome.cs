namespace Kessan.Console.Core.Alerts;

/// <summary>What recording an <see cref="AlertSignal"/> did.</summary>
public abstract record SignalOutcome
{
    private SignalOutcome()
    {
    }

    public sealed record Opened(Alert Alert) : SignalOutcome;

    public sealed record Repeated(Alert Alert) : SignalOutcome;

    public sealed record Resolved(Alert Alert) : SignalOutcome;

    /// <summary>This very report was recorded before; nothing changed.</summary>
    public sealed record AlreadyRecorded : SignalOutcome
    {
        public static AlreadyRecorded Instance { get; } = new();
    }

    /// <summary>A resolution with no open alert to resolve; nothing changed.</summary>
    public sealed record NothingOpen : SignalOutcome
    {
        public static NothingOpen Instance { get; } = new();
    }

    /// <summary>A report older than what the alerts of its key already show; nothing changed.</summary>
    public sealed record Outdated : SignalOutcome
    {
        public static Outdated Instance { get; } = new();
    }
}
