using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Metrics;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Alarms;

/// <summary>LocalCloud's metric alarms by name and their history. Every change of an alarm writes its history item
/// under the same lock, so history and state never disagree. History outlives the alarm, as in CloudWatch, and is
/// kept for <see cref="HistoryRetention"/>.</summary>
public sealed class AlarmStore(IOptions<LocalCloudOptions> options, TimeProvider clock)
{
    /// <summary>CloudWatch's quota of metric alarms per account and Region.</summary>
    public const int MaxAlarms = 5000;

    public const string InitialReason = "Unchecked: Initial alarm creation";

    public static readonly TimeSpan HistoryRetention = TimeSpan.FromDays(14);

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, StoredAlarm> _alarms = new(StringComparer.Ordinal);
    private readonly List<AlarmHistoryEntry> _history = [];
    private long _sequence;
    private long _versions;

    /// <summary>Creates the alarm in INSUFFICIENT_DATA, or replaces the configuration of the one with its name and
    /// leaves its state as it is; either way a ConfigurationUpdate item is written.</summary>
    /// <exception cref="Protocol.AwsServiceException">LimitExceeded when a new alarm would pass <see cref="MaxAlarms"/>.</exception>
    public StoredAlarm Put(AlarmDefinition definition)
    {
        lock (_gate)
        {
            var now = Now();
            var existing = _alarms.GetValueOrDefault(definition.Name);
            if (existing is null && _alarms.Count >= MaxAlarms)
            {
                throw CloudWatchErrors.LimitExceeded($"The maximum of {MaxAlarms} metric alarms in this account and Region has been reached; delete alarms before creating {definition.Name}.");
            }

            var state = existing?.State ?? new AlarmState(AlarmStateValue.InsufficientData, InitialReason, null, now, now);
            var alarm = new StoredAlarm(definition, Arn(definition.Name), now, ++_versions, state);
            _alarms[definition.Name] = alarm;
            Record(definition.Name, now, AlarmValues.ConfigurationUpdate,
                existing is null ? $"Alarm \"{definition.Name}\" created" : $"Alarm \"{definition.Name}\" updated",
                existing is null ? AlarmHistoryData.Created(alarm) : AlarmHistoryData.Updated(existing, alarm));
            return alarm;
        }
    }

    public StoredAlarm? Find(string name)
    {
        lock (_gate)
        {
            return _alarms.GetValueOrDefault(name);
        }
    }

    /// <summary>Every alarm, ordered by name as DescribeAlarms lists them.</summary>
    public IReadOnlyList<StoredAlarm> List()
    {
        lock (_gate)
        {
            return [.. _alarms.Values];
        }
    }

    /// <summary>Deletes the alarms that exist among <paramref name="names"/>; their history stays.</summary>
    public void Delete(IEnumerable<string> names)
    {
        lock (_gate)
        {
            foreach (var name in names)
            {
                _alarms.Remove(name);
            }
        }
    }

    /// <summary>Moves the alarm to <paramref name="state"/> and writes the StateUpdate item. Nothing happens when the
    /// alarm no longer exists, is already in that state, or (for an evaluation) was reconfigured or set to another
    /// state since <paramref name="evaluated"/> was read.</summary>
    /// <param name="evaluated">The alarm as an evaluation saw it; null for SetAlarmState, which applies unconditionally.</param>
    public AlarmTransition? Transition(string name, AlarmStateValue state, string reason, string? reasonData, StoredAlarm? evaluated = null)
    {
        lock (_gate)
        {
            if (!_alarms.TryGetValue(name, out var alarm) || alarm.State.Value == state
                || (evaluated is not null && (alarm.Version != evaluated.Version || alarm.State != evaluated.State)))
            {
                return null;
            }

            var now = Now();
            var changed = alarm with { State = new AlarmState(state, reason, reasonData, now, now) };
            _alarms[name] = changed;
            Record(name, now, AlarmValues.StateUpdate,
                $"Alarm updated from {alarm.State.Value.WireName()} to {state.WireName()}",
                AlarmHistoryData.StateUpdate(alarm.State, changed.State));
            return new AlarmTransition(changed, alarm.State, changed.State);
        }
    }

    /// <summary>Writes an Action item: an alarm action was executed, or failed.</summary>
    public void RecordAction(string alarmName, string summary, string data)
    {
        lock (_gate)
        {
            Record(alarmName, Now(), AlarmValues.Action, summary, data);
        }
    }

    /// <summary>Up to <paramref name="max"/> history entries that match, in scan order, after the entry <paramref name="after"/>.</summary>
    public AlarmHistoryPage History(Func<AlarmHistoryEntry, bool> matches, bool ascending, long? after, int max)
    {
        lock (_gate)
        {
            Trim();
            var page = new List<AlarmHistoryEntry>(Math.Min(max, 16));
            var start = ascending
                ? after is { } first ? FirstAfter(first) : 0
                : after is { } last ? FirstAfter(last - 1) - 1 : _history.Count - 1;
            for (var i = start; i >= 0 && i < _history.Count; i += ascending ? 1 : -1)
            {
                var entry = _history[i];
                if (!matches(entry))
                {
                    continue;
                }

                if (page.Count == max)
                {
                    return new AlarmHistoryPage(page, page[^1].Sequence);
                }

                page.Add(entry);
            }

            return new AlarmHistoryPage(page, null);
        }
    }

    public string Arn(string name) => $"arn:aws:cloudwatch:{options.Value.Region}:{options.Value.AccountId}:alarm:{name}";

    // History timestamps are read back as epoch seconds with milliseconds; whole milliseconds keep a transition's
    // history Timestamp and its notification's StateChangeTime equal after the round trip.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    private void Record(string alarmName, DateTimeOffset at, string itemType, string summary, string data)
    {
        _history.Add(new AlarmHistoryEntry(++_sequence, alarmName, at, itemType, summary, data));
        Trim();
    }

    private void Trim()
    {
        var cutoff = clock.GetUtcNow() - HistoryRetention;
        var expired = 0;
        while (expired < _history.Count && _history[expired].Timestamp < cutoff)
        {
            expired++;
        }

        if (expired > 0)
        {
            _history.RemoveRange(0, expired);
        }
    }

    /// <summary>The index of the first entry with a sequence greater than <paramref name="sequence"/>.</summary>
    private int FirstAfter(long sequence)
    {
        int low = 0, high = _history.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_history[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
