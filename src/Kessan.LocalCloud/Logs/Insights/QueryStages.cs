using System.Text.RegularExpressions;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>One command of a compiled query. Every stage can run on a list of rows (as it does after an earlier
/// stage has collected them); it never changes the rows it is given.</summary>
public abstract class QueryStage
{
    public abstract List<QueryRow> Apply(List<QueryRow> rows);
}

/// <summary>A stage that looks at one row at a time (filter, fields, parse), so it runs inside the scan.</summary>
public abstract class RowStage : QueryStage
{
    /// <summary>Whether the stage sets values on rows (the scan then clears them between events).</summary>
    public abstract bool SetsValues { get; }

    /// <returns>False when the row is dropped.</returns>
    public abstract bool Process(QueryRow row);

    public override List<QueryRow> Apply(List<QueryRow> rows)
    {
        var kept = new List<QueryRow>(rows.Count);
        foreach (var row in rows)
        {
            var copy = SetsValues ? row.Clone() : row;
            if (Process(copy))
            {
                kept.Add(copy);
            }
        }

        return kept;
    }
}

/// <summary>A stage that needs more than one row (sort, stats, dedup, limit): it collects them, and can say at
/// any moment what it would answer with the rows so far, which is what partial results are.</summary>
public abstract class CollectingStage : QueryStage
{
    public abstract RowCollector StartCollecting();

    public override List<QueryRow> Apply(List<QueryRow> rows)
    {
        var collector = StartCollecting();
        foreach (var row in rows)
        {
            if (!collector.Add(row))
            {
                break;
            }
        }

        return collector.Current();
    }
}

public abstract class RowCollector
{
    /// <summary>Takes a row (keeping a clone, since the scan reuses its row).</summary>
    /// <returns>False once no further row can change the answer (a limit is reached).</returns>
    public abstract bool Add(QueryRow row);

    /// <summary>The answer for the rows so far; collecting can go on afterwards.</summary>
    public abstract List<QueryRow> Current();
}

public sealed class FilterStage(Evaluator condition) : RowStage
{
    public override bool SetsValues => false;

    public override bool Process(QueryRow row) => condition.Test(row);
}

/// <summary><c>fields expression as name</c>: sets each computed field in order, so later ones can use earlier ones.</summary>
public sealed class FieldsStage(IReadOnlyList<(int Slot, Evaluator Value)> fields) : RowStage
{
    private readonly (int Slot, Evaluator Value)[] _fields = [.. fields];

    public override bool SetsValues => true;

    public override bool Process(QueryRow row)
    {
        foreach (var (slot, value) in _fields)
        {
            row.Set(slot, value.Evaluate(row));
        }

        return true;
    }
}

/// <summary><c>parse</c>: a glob or a regular expression with named groups sets fields from a text field; rows it
/// does not match keep going, without those fields.</summary>
public sealed class ParseStage(Evaluator source, Regex pattern, IReadOnlyList<(int Slot, int Group)> captures) : RowStage
{
    private readonly (int Slot, int Group)[] _captures = [.. captures];

    public override bool SetsValues => true;

    public override bool Process(QueryRow row)
    {
        var value = source.Evaluate(row);
        var match = value.IsPresent ? pattern.Match(value.AsText()!) : Match.Empty;
        foreach (var (slot, group) in _captures)
        {
            row.Set(slot, match.Success && match.Groups[group].Success ? QueryValue.Text(match.Groups[group].Value) : QueryValue.Missing);
        }

        return true;
    }
}

public sealed class LimitStage(int count) : CollectingStage
{
    public int Count { get; } = count;

    public override RowCollector StartCollecting() => new Collector(Count);

    private sealed class Collector(int count) : RowCollector
    {
        private readonly List<QueryRow> _rows = [];

        public override bool Add(QueryRow row)
        {
            if (_rows.Count < count)
            {
                _rows.Add(row.Clone());
            }

            return _rows.Count < count;
        }

        public override List<QueryRow> Current() => [.. _rows];
    }
}

/// <summary><c>dedup a, b</c>: keeps the first row of each combination of values; rows missing one of them are kept.</summary>
public sealed class DedupStage(IReadOnlyList<Evaluator> fields) : CollectingStage
{
    public override RowCollector StartCollecting() => new Collector(fields);

    private sealed class Collector(IReadOnlyList<Evaluator> fields) : RowCollector
    {
        private readonly HashSet<GroupKey> _seen = [];
        private readonly List<QueryRow> _rows = [];

        public override bool Add(QueryRow row)
        {
            var values = new QueryValue[fields.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = fields[i].Evaluate(row);
                if (!values[i].IsPresent)
                {
                    _rows.Add(row.Clone());
                    return true;
                }
            }

            if (_seen.Add(new GroupKey(values)))
            {
                _rows.Add(row.Clone());
            }

            return true;
        }

        public override List<QueryRow> Current() => [.. _rows];
    }
}

/// <summary><c>sort a desc, b</c>, stable. When only a limit can follow, it keeps just the rows that can still make it
/// into the answer (<paramref name="keep"/>), so sorting a million matches needs no more than that many in memory.</summary>
public sealed class SortStage(IReadOnlyList<(Evaluator Key, bool Descending)> keys, int? keep) : CollectingStage
{
    public override RowCollector StartCollecting() => new Collector(keys, keep);

    /// <summary>The same sort, answering with at most <paramref name="count"/> rows.</summary>
    public SortStage Keeping(int count) => new(keys, count);

    private sealed class Collector(IReadOnlyList<(Evaluator Key, bool Descending)> keys, int? keep) : RowCollector
    {
        private readonly List<SortEntry> _entries = [];
        private long _arrived;

        public override bool Add(QueryRow row)
        {
            var values = new QueryValue[keys.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = keys[i].Key.Evaluate(row);
            }

            _entries.Add(new SortEntry(values, _arrived++, row.Clone()));
            if (keep is { } limit && _entries.Count >= 2 * Math.Max(limit, 512))
            {
                _entries.Sort(Compare);
                _entries.RemoveRange(limit, _entries.Count - limit);
            }

            return true;
        }

        public override List<QueryRow> Current()
        {
            var sorted = _entries.ToArray();
            Array.Sort(sorted, Compare);
            var count = keep is { } limit ? Math.Min(limit, sorted.Length) : sorted.Length;
            return [.. sorted.Take(count).Select(entry => entry.Row)];
        }

        private int Compare(SortEntry left, SortEntry right)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var order = QueryValueOrder.Ascending.Compare(left.Keys[i], right.Keys[i]);
                if (order != 0)
                {
                    return keys[i].Descending ? -order : order;
                }
            }

            return left.Arrived.CompareTo(right.Arrived);
        }
    }

    private sealed record SortEntry(QueryValue[] Keys, long Arrived, QueryRow Row);
}

/// <summary><c>stats aggregates by groups</c>. Each aggregate call of the query has a hidden slot the output rows
/// fill first; the named items (which may do arithmetic on aggregates) are then evaluated on those rows.</summary>
public sealed class StatsStage(
    RowLayout layout,
    IReadOnlyList<(int Slot, Evaluator Value)> groups,
    IReadOnlyList<(int Slot, Func<Aggregator> Create)> aggregates,
    IReadOnlyList<(int Slot, Evaluator Value)> items) : CollectingStage
{
    private readonly RowLayout _layout = layout;
    private readonly IReadOnlyList<(int Slot, Evaluator Value)> _groups = groups;
    private readonly IReadOnlyList<(int Slot, Func<Aggregator> Create)> _aggregates = aggregates;
    private readonly IReadOnlyList<(int Slot, Evaluator Value)> _items = items;

    public override RowCollector StartCollecting() => new Collector(this);

    private sealed class Collector(StatsStage stage) : RowCollector
    {
        private readonly Dictionary<GroupKey, Aggregator[]> _groups = [];
        private readonly List<GroupKey> _order = [];
        private QueryValue[] _probe = new QueryValue[stage._groups.Count];

        public override bool Add(QueryRow row)
        {
            for (var i = 0; i < _probe.Length; i++)
            {
                _probe[i] = stage._groups[i].Value.Evaluate(row);
            }

            if (!_groups.TryGetValue(new GroupKey(_probe), out var aggregators))
            {
                var key = new GroupKey(_probe);
                _probe = new QueryValue[_probe.Length];
                aggregators = [.. stage._aggregates.Select(aggregate => aggregate.Create())];
                _groups[key] = aggregators;
                _order.Add(key);
            }

            foreach (var aggregator in aggregators)
            {
                aggregator.Add(row);
            }

            return true;
        }

        public override List<QueryRow> Current()
        {
            var rows = new List<QueryRow>(_groups.Count);
            foreach (var key in _order)
            {
                rows.Add(Output(key.Values, _groups[key]));
            }

            // Without "by" there is one group even when nothing matched: count() is then 0.
            if (rows.Count == 0 && stage._groups.Count == 0)
            {
                rows.Add(Output([], [.. stage._aggregates.Select(aggregate => aggregate.Create())]));
            }

            return rows;
        }

        private QueryRow Output(QueryValue[] groupValues, Aggregator[] aggregators)
        {
            var row = QueryRow.Detached(stage._layout);
            for (var i = 0; i < groupValues.Length; i++)
            {
                row.Set(stage._groups[i].Slot, groupValues[i]);
            }

            for (var i = 0; i < aggregators.Length; i++)
            {
                row.Set(stage._aggregates[i].Slot, aggregators[i].Result());
            }

            foreach (var (slot, value) in stage._items)
            {
                row.Set(slot, value.Evaluate(row));
            }

            return row;
        }
    }
}

/// <summary>A combination of values, compared value by value (stats groups, dedup keys).</summary>
public readonly struct GroupKey(QueryValue[] values) : IEquatable<GroupKey>
{
    public QueryValue[] Values { get; } = values;

    public bool Equals(GroupKey other) => Values.AsSpan().SequenceEqual(other.Values);

    public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
