namespace Kessan.LocalCloud.Simulator.Incidents;

/// <summary>One incident over [<see cref="Start"/>, <see cref="End"/>).</summary>
public sealed record Incident(string Id, IncidentKind Kind, IncidentOrigin Origin, DateTimeOffset Start, DateTimeOffset End)
{
    public bool IsActiveAt(DateTimeOffset at) => Start <= at && at < End;

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => Start < to && from < End;
}

public enum IncidentOrigin
{
    /// <summary>From the schedule: one every <c>LocalCloud:Simulator:IncidentEvery</c>.</summary>
    Scheduled,

    /// <summary>Started through <c>POST /_localcloud/incidents</c>.</summary>
    OnDemand,
}
