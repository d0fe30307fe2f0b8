using Kessan.LocalCloud.Logs.Storage;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>Where a slot's value comes from when the query has not set it.</summary>
public enum SlotSource : byte
{
    None,
    Timestamp,
    Message,
    LogStream,
    Log,
    IngestionTime,
    Pointer,
    Stored,
}

/// <summary>The fields a query refers to, each given a slot: built-in fields read from the event's columns,
/// discovered ones by their name id (looked up when the query starts), the query's own (fields … as, parse,
/// stats) only from what the query set.</summary>
public sealed class RowLayout
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private (SlotSource Source, int Field)[] _sources = [];

    public int Count => _names.Count;

    public int Slot(string name)
    {
        if (!_slots.TryGetValue(name, out var slot))
        {
            slot = _names.Count;
            _slots[name] = slot;
            _names.Add(name);
        }

        return slot;
    }

    public string Name(int slot) => _names[slot];

    /// <summary>Binds every slot to where events keep it; names no event has had stay unbound (always missing).</summary>
    public void Bind(FieldNames fieldNames)
    {
        _sources = [.. _names.Select(name => name switch
        {
            "@timestamp" => (SlotSource.Timestamp, 0),
            "@message" => (SlotSource.Message, 0),
            "@logStream" => (SlotSource.LogStream, 0),
            "@log" => (SlotSource.Log, 0),
            "@ingestionTime" => (SlotSource.IngestionTime, 0),
            "@ptr" => (SlotSource.Pointer, 0),
            _ when fieldNames.Find(name) is var id and >= 0 => (SlotSource.Stored, id),
            _ => (SlotSource.None, 0),
        })];
    }

    public (SlotSource Source, int Field) SourceOf(int slot) => _sources[slot];
}

/// <summary>The log group a scanned event belongs to, with what its rows show for <c>@log</c>.</summary>
public sealed record ScannedGroup(StoredLogGroup Group, string LogIdentifier);

/// <summary>One row of a running query: an event (read lazily from its segment) with the values the query set on top,
/// or, after <c>stats</c>, only values. The scan reuses one row per query; stages that keep a row keep a clone.</summary>
public sealed class QueryRow
{
    private readonly RowLayout _layout;
    private QueryValue[] _values;

    public QueryRow(RowLayout layout)
    {
        _layout = layout;
        _values = new QueryValue[layout.Count];
    }

    private QueryRow(RowLayout layout, QueryValue[] values, SegmentView? source, int index, ScannedGroup? group)
    {
        _layout = layout;
        _values = values;
        Source = source;
        Index = index;
        Group = group;
    }

    public SegmentView? Source { get; private set; }

    public int Index { get; private set; }

    public ScannedGroup? Group { get; private set; }

    /// <summary>Points the row at another event and forgets the values set for the previous one.</summary>
    public void MoveTo(SegmentView source, int index, ScannedGroup group, bool clear)
    {
        Source = source;
        Index = index;
        Group = group;
        if (clear)
        {
            Array.Clear(_values);
        }
    }

    public void Set(int slot, QueryValue value) => _values[slot] = value.Kind == QueryValueKind.Unset ? QueryValue.Missing : value;

    public QueryValue Get(int slot)
    {
        var value = _values[slot];
        if (value.Kind != QueryValueKind.Unset || Source is null)
        {
            return value.Kind == QueryValueKind.Unset ? QueryValue.Missing : value;
        }

        var (source, field) = _layout.SourceOf(slot);
        return source switch
        {
            SlotSource.Timestamp => QueryValue.Time(Source.Timestamp(Index)),
            SlotSource.Message => QueryValue.Text(Source.MessageText(Index)),
            SlotSource.LogStream => QueryValue.Text(Group!.Group.Streams[Source.Stream(Index)]),
            SlotSource.Log => QueryValue.Text(Group!.LogIdentifier),
            SlotSource.IngestionTime => QueryValue.Time(Source.IngestionTime(Index)),
            SlotSource.Pointer => QueryValue.Text(LogRecordPointer.Encode(Group!.Group.Id, Source.Sequence(Index))),
            SlotSource.Stored when Source.TryFind(Index, field, out var stored) => stored.Kind == StoredFieldKind.Number
                ? QueryValue.Number(stored.Number)
                : QueryValue.Text(Source.Text(stored)),
            _ => QueryValue.Missing,
        };
    }

    /// <summary>The UTF-8 bytes of a text value the event keeps as it arrived (<c>@message</c>, an unescaped JSON
    /// string), so matching needs no decoding; false when the value must be read with <see cref="Get"/>.</summary>
    public bool TryGetUtf8(int slot, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (_values[slot].Kind != QueryValueKind.Unset || Source is null)
        {
            return false;
        }

        var (source, field) = _layout.SourceOf(slot);
        switch (source)
        {
            case SlotSource.Message:
                value = Source.Message(Index);
                return true;
            case SlotSource.Stored when Source.TryFind(Index, field, out var stored):
                return Source.TryUtf8(stored, out value);
            default:
                return false;
        }
    }

    /// <summary>Whether the row stands for a stored event (and so has an <c>@ptr</c>).</summary>
    public bool IsEvent => Source is not null;

    public QueryRow Clone() => new(_layout, (QueryValue[])_values.Clone(), Source, Index, Group);

    /// <summary>A row of values only, as stats produces.</summary>
    public static QueryRow Detached(RowLayout layout) => new(layout, new QueryValue[layout.Count], null, 0, null);
}
