using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Simulator.Incidents;

/// <summary>Every incident the simulator plays: the schedule's and those started on demand. On-demand incidents are
/// kept for the store's retention, so a slice generated again later gets the same incidents it had the first time.</summary>
public sealed class IncidentCalendar
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _retention;
    private readonly IncidentSchedule _schedule;
    private readonly List<Incident> _onDemand = [];
    private readonly Lock _gate = new();
    private int _started;

    public IncidentCalendar(IOptions<LocalCloudOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var simulator = settings.Simulator;
        _clock = clock;
        _retention = settings.Retention;
        _schedule = new IncidentSchedule(
            simulator.Seed,
            simulator.Enabled ? simulator.IncidentEvery : TimeSpan.Zero,
            simulator.IncidentDuration);
    }

    /// <summary>Starts an incident now, lasting <paramref name="duration"/>.</summary>
    public Incident Start(IncidentKind kind, TimeSpan duration)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            _onDemand.RemoveAll(i => i.End < now - _retention);
            var incident = new Incident($"on-demand-{++_started}", kind, IncidentOrigin.OnDemand, now, now + duration);
            _onDemand.Add(incident);
            return incident;
        }
    }

    /// <summary>Incidents overlapping [<paramref name="from"/>, <paramref name="to"/>), by start.</summary>
    public IReadOnlyList<Incident> Overlapping(DateTimeOffset from, DateTimeOffset to)
    {
        List<Incident> found;
        lock (_gate)
        {
            found = _onDemand.Where(i => i.Overlaps(from, to)).ToList();
        }

        found.AddRange(_schedule.Overlapping(from, to));
        return found.OrderBy(i => i.Start).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Incident> ActiveNow()
    {
        var now = _clock.GetUtcNow();
        return Overlapping(now, now + TimeSpan.FromTicks(1));
    }

    /// <summary>The next <paramref name="count"/> scheduled incidents that have not started yet.</summary>
    public IReadOnlyList<Incident> Upcoming(int count) =>
        _schedule.StartingFrom(_clock.GetUtcNow() + TimeSpan.FromTicks(1)).Take(count).ToList();
}
