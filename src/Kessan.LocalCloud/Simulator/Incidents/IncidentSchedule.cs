using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Simulator.Incidents;

/// <summary>The scheduled incidents: time is cut into slots of <c>every</c> (counted from the Unix epoch), and each slot
/// holds one incident of <c>duration</c>, starting a seed-chosen number of whole minutes into the slot. Kinds follow a
/// seed-chosen order that shows each kind once in every four slots. A pure function of its settings, so a back-fill
/// shows the same past incidents a live run did.</summary>
public sealed class IncidentSchedule
{
    private const int KindStream = 1;
    private const int OffsetStream = 2;

    private readonly int _seed;
    private readonly TimeSpan _every;
    private readonly TimeSpan _duration;

    /// <param name="every">Zero or less: no scheduled incidents.</param>
    public IncidentSchedule(int seed, TimeSpan every, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _seed = seed;
        _every = every;
        _duration = duration;
    }

    public bool IsEmpty => _every <= TimeSpan.Zero;

    /// <summary>Scheduled incidents overlapping [<paramref name="from"/>, <paramref name="to"/>), by start.</summary>
    public IEnumerable<Incident> Overlapping(DateTimeOffset from, DateTimeOffset to)
    {
        if (IsEmpty)
        {
            yield break;
        }

        // An incident starts at most (every - duration) into its slot and lasts duration, so it ends within
        // max(every, duration) of its slot's start.
        var reach = _every > _duration ? _every : _duration;
        for (var slot = SlotAt(from - reach); slot <= SlotAt(to); slot++)
        {
            var incident = InSlot(slot);
            if (incident.Overlaps(from, to))
            {
                yield return incident;
            }
        }
    }

    /// <summary>Scheduled incidents that start at or after <paramref name="from"/>, soonest first (endless unless empty).</summary>
    public IEnumerable<Incident> StartingFrom(DateTimeOffset from)
    {
        if (IsEmpty)
        {
            yield break;
        }

        for (var slot = SlotAt(from); ; slot++)
        {
            var incident = InSlot(slot);
            if (incident.Start >= from)
            {
                yield return incident;
            }
        }
    }

    private long SlotAt(DateTimeOffset at) => (long)Math.Floor((double)(at - DateTimeOffset.UnixEpoch).Ticks / _every.Ticks);

    private Incident InSlot(long slot)
    {
        var slotStart = DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(_every.Ticks * slot);
        var slackMinutes = (long)Math.Max(0, (_every - _duration).TotalMinutes);
        var offset = TimeSpan.FromMinutes((long)(SeededRandom.Unit(_seed, OffsetStream, slot) * (slackMinutes + 1)));
        var start = slotStart + offset;
        return new Incident($"scheduled-{slot}", KindInSlot(slot), IncidentOrigin.Scheduled, start, start + _duration);
    }

    private IncidentKind KindInSlot(long slot)
    {
        var kinds = IncidentKinds.All.ToArray();
        var cycle = Math.DivRem(slot, kinds.Length, out var position);
        // Fisher-Yates shuffle of the kinds, keyed by the cycle of four slots.
        for (var i = kinds.Length - 1; i > 0; i--)
        {
            var j = (int)(SeededRandom.Unit(_seed, KindStream, cycle, i) * (i + 1));
            (kinds[i], kinds[j]) = (kinds[j], kinds[i]);
        }

        return kinds[position];
    }
}
