namespace Kessan.Console.Core.Alerts;

/// <summary>What a firing does to the alerts of its key.</summary>
public enum FiringDecision
{
    /// <summary>No alert of this key is open: the firing opens one.</summary>
    Open,

    /// <summary>An alert of this key is open: the firing counts as a repeat of it.</summary>
    Repeat,

    /// <summary>The firing happened before the key's latest resolution: it belongs to an incident already over.</summary>
    Outdated,
}

/// <summary>What a resolution does to the alerts of its key.</summary>
public enum ResolutionDecision
{
    Resolve,

    /// <summary>No alert of this key is open.</summary>
    NothingOpen,

    /// <summary>The resolution happened before the open alert last fired, so it does not end it.</summary>
    Outdated,
}

/// <summary>The rules of an alert's life: acknowledge only while triggered; resolve from triggered or acknowledged;
/// a repeat of an open firing counts instead of duplicating it; a firing after resolution is a new alert.</summary>
public static class AlertLifecycle
{
    /// <param name="open">The open alert of the firing's source and key, if any.</param>
    /// <param name="lastResolvedAt">When the latest resolved alert of that source and key was resolved, if any.</param>
    public static FiringDecision DecideFiring(AlertFiring firing, Alert? open, DateTimeOffset? lastResolvedAt)
    {
        if (lastResolvedAt is { } resolved && firing.At <= resolved)
        {
            return FiringDecision.Outdated;
        }
        return open is null ? FiringDecision.Open : FiringDecision.Repeat;
    }

    public static ResolutionDecision DecideResolution(AlertResolution resolution, Alert? open)
    {
        if (open is null)
        {
            return ResolutionDecision.NothingOpen;
        }
        return resolution.At < open.LastFiredAt ? ResolutionDecision.Outdated : ResolutionDecision.Resolve;
    }

    /// <summary>Why <paramref name="alert"/> cannot be acknowledged now, or null when it can (it is triggered).</summary>
    public static AcknowledgeResult? RefuseAcknowledgement(Alert? alert) => alert switch
    {
        null => AcknowledgeResult.NotFound.Instance,
        { State: AlertState.Resolved } => new AcknowledgeResult.AlreadyResolved(alert.ResolvedAt ?? alert.LastFiredAt),
        { State: AlertState.Acknowledged } => new AcknowledgeResult.AlreadyAcknowledged(alert.AcknowledgedBy ?? "someone", alert.AcknowledgedAt ?? alert.LastFiredAt),
        _ => null,
    };
}
