using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Projections;
using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Tests.Simulator;

/// <summary>Builds runs of the traffic model over a window in one-minute slices, as the simulator back-fills them.</summary>
public sealed class SimulatedTraffic
{
    public const string Environment = "local";

    /// <summary>Wednesday 4 March 2026, a trading day, 00:00 on the Tokyo clock.</summary>
    public static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 0, 0, 0, TrafficLoad.TokyoOffset);

    /// <summary>Sunday 8 March 2026, 00:00 on the Tokyo clock.</summary>
    public static readonly DateTimeOffset Sunday = new(2026, 3, 8, 0, 0, 0, TrafficLoad.TokyoOffset);

    private readonly List<Incident> _incidents = [];
    private int _seed = 42;
    private TimeSpan _slice = TimeSpan.FromMinutes(1);

    public SimulatedTraffic WithSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    public SimulatedTraffic InSlicesOf(TimeSpan slice)
    {
        _slice = slice;
        return this;
    }

    public SimulatedTraffic WithIncident(IncidentKind kind, DateTimeOffset start, TimeSpan duration)
    {
        _incidents.Add(new Incident($"test-{_incidents.Count}", kind, IncidentOrigin.OnDemand, start, start + duration));
        return this;
    }

    public IEnumerable<TrafficSample> Samples(DateTimeOffset from, DateTimeOffset to)
    {
        var model = new TrafficModel(_seed);
        for (var start = from; start < to; start += _slice)
        {
            yield return model.Sample(start, _slice, [.. _incidents.Where(i => i.Overlaps(start, start + _slice))]);
        }
    }

    public IEnumerable<PublishedDatum> Published(DateTimeOffset from, DateTimeOffset to) => Samples(from, to).SelectMany(Project);

    public static IEnumerable<PublishedDatum> Project(TrafficSample sample) =>
        MetricProjection.Project(sample, Environment).SelectMany(batch => batch.Data.Select(d => new PublishedDatum(batch.Namespace, d)));
}
