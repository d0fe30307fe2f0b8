using Kessan.LocalCloud.Simulator.Incidents;

namespace Kessan.LocalCloud.Simulator.Traffic;

/// <summary>How a slice is touched by incidents: per request (is a kind active at this instant?) and per gauge (which
/// share of the slice does a kind cover?), so an incident that starts mid-slice moves the slice's gauges part-way.</summary>
internal sealed class IncidentExposure
{
    private readonly DateTimeOffset _start;
    private readonly IReadOnlyList<Incident> _incidents;
    private readonly double[] _share = new double[IncidentKinds.All.Count];

    public IncidentExposure(DateTimeOffset start, TimeSpan length, IReadOnlyList<Incident> incidents)
    {
        _start = start;
        _incidents = incidents;
        var end = start + length;
        foreach (var incident in incidents)
        {
            var from = incident.Start > start ? incident.Start : start;
            var to = incident.End < end ? incident.End : end;
            if (to > from)
            {
                var share = _share[(int)incident.Kind] + (to - from) / length;
                _share[(int)incident.Kind] = Math.Min(1, share);
            }
        }
    }

    /// <summary>Share of the slice, 0 to 1, during which an incident of <paramref name="kind"/> runs.</summary>
    public double Share(IncidentKind kind) => _share[(int)kind];

    public bool IsActive(IncidentKind kind, TimeSpan offset)
    {
        if (_share[(int)kind] == 0)
        {
            return false;
        }

        var at = _start + offset;
        foreach (var incident in _incidents)
        {
            if (incident.Kind == kind && incident.IsActiveAt(at))
            {
                return true;
            }
        }

        return false;
    }
}
