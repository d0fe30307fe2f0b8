using System.Text;

namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>A run of consecutive events of one log group, column by column: timestamps, streams, the messages' UTF-8
/// bytes end to end, and the fields discovered in them. Append-only: a writer (holding the group's lock) only adds
/// past the end, and grown arrays are copies, so a <see cref="SegmentView"/> taken earlier stays valid without locks.</summary>
public sealed class LogSegment
{
    /// <summary>A segment takes new events until it holds this many...</summary>
    public const int MaxEvents = 4096;

    /// <summary>...or this many message bytes (one event may exceed it alone).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private readonly Lock _gate = new();
    private long[] _timestamps = new long[16];
    private long[] _ingestionTimes = new long[16];
    private int[] _streams = new int[16];
    private int[] _messageStarts = new int[17];
    private int[] _fieldStarts = new int[17];
    private byte[] _bytes = new byte[4096];
    private StoredField[] _fields = new StoredField[64];
    private string[] _decoded = [];
    private int _count;
    private int _byteCount;
    private int _fieldCount;
    private int _decodedCount;

    public LogSegment(long firstSequence) => FirstSequence = firstSequence;

    /// <summary>The group-wide sequence number of the first event; event i has FirstSequence + i.</summary>
    public long FirstSequence { get; }

    public long MinTimestamp { get; private set; } = long.MaxValue;

    public long MaxTimestamp { get; private set; } = long.MinValue;

    public bool IsFull => _count >= MaxEvents || _byteCount >= MaxBytes;

    /// <summary>The UTF-8 bytes of the messages held.</summary>
    public int MessageBytes => Volatile.Read(ref _byteCount);

    public SegmentView View()
    {
        lock (_gate)
        {
            return new SegmentView(this, _count, _timestamps, _ingestionTimes, _streams, _messageStarts, _bytes, _fieldStarts, _fields, _decoded);
        }
    }

    /// <summary>Appends one event and extracts its JSON fields. Callers hold the group's lock; the segment's own
    /// lock only covers the moment the new arrays and count are published.</summary>
    /// <returns>The message's UTF-8 bytes.</returns>
    public int Append(long timestamp, long ingestionTime, int stream, string message, FieldNames names)
    {
        var messageBytes = Encoding.UTF8.GetByteCount(message);
        var bytes = Ensure(_bytes, _byteCount + messageBytes);
        var messageStart = _byteCount;
        Encoding.UTF8.GetBytes(message, bytes.AsSpan(messageStart));

        var fields = new FieldBuffer(_fields, _fieldCount, _decoded, _decodedCount);
        JsonFieldExtractor.Extract(bytes.AsSpan(messageStart, messageBytes), messageStart, names, ref fields);

        var index = _count;
        var timestamps = Ensure(_timestamps, index + 1);
        var ingestionTimes = Ensure(_ingestionTimes, index + 1);
        var streams = Ensure(_streams, index + 1);
        var messageStarts = Ensure(_messageStarts, index + 2);
        var fieldStarts = Ensure(_fieldStarts, index + 2);
        timestamps[index] = timestamp;
        ingestionTimes[index] = ingestionTime;
        streams[index] = stream;
        messageStarts[index] = messageStart;
        messageStarts[index + 1] = messageStart + messageBytes;
        fieldStarts[index] = _fieldCount;
        fieldStarts[index + 1] = fields.Count;

        lock (_gate)
        {
            _bytes = bytes;
            _timestamps = timestamps;
            _ingestionTimes = ingestionTimes;
            _streams = streams;
            _messageStarts = messageStarts;
            _fieldStarts = fieldStarts;
            _fields = fields.Fields;
            _decoded = fields.Decoded;
            _byteCount = messageStart + messageBytes;
            _fieldCount = fields.Count;
            _decodedCount = fields.DecodedCount;
            MinTimestamp = Math.Min(MinTimestamp, timestamp);
            MaxTimestamp = Math.Max(MaxTimestamp, timestamp);
            _count = index + 1;
        }

        return messageBytes;
    }

    /// <summary>Gives back the room arrays grew for events that will not come: called once the group has moved on
    /// to a new segment. Copies, as growing does, so views keep what they hold.</summary>
    public void Seal()
    {
        lock (_gate)
        {
            _timestamps = _timestamps[.._count];
            _ingestionTimes = _ingestionTimes[.._count];
            _streams = _streams[.._count];
            _messageStarts = _messageStarts[..(_count + 1)];
            _fieldStarts = _fieldStarts[..(_count + 1)];
            _bytes = _bytes[.._byteCount];
            _fields = _fields[.._fieldCount];
            _decoded = _decoded[.._decodedCount];
        }
    }

    // Grows by copying (never in place), so views holding the old array keep seeing what they saw.
    internal static T[] Ensure<T>(T[] array, int needed)
    {
        if (needed <= array.Length)
        {
            return array;
        }

        var grown = new T[Math.Max(needed, array.Length * 2)];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}

/// <summary>The fields of the event being appended, written past the segment's published ones.</summary>
public ref struct FieldBuffer(StoredField[] fields, int count, string[] decoded, int decodedCount)
{
    private readonly int _eventStart = count;

    public StoredField[] Fields { get; private set; } = fields;

    public int Count { get; private set; } = count;

    public string[] Decoded { get; private set; } = decoded;

    public int DecodedCount { get; private set; } = decodedCount;

    /// <summary>Fields of the event so far; JSON allows at most <see cref="JsonFieldExtractor.MaxFieldsPerEvent"/>.</summary>
    public readonly int EventFieldCount => Count - _eventStart;

    public void Add(StoredField field)
    {
        Fields = LogSegment.Ensure(Fields, Count + 1);
        Fields[Count++] = field;
    }

    public int AddDecoded(string text)
    {
        Decoded = LogSegment.Ensure(Decoded, DecodedCount + 1);
        Decoded[DecodedCount] = text;
        return DecodedCount++;
    }

    /// <summary>Forgets the event's fields, when its message turns out not to be JSON after all.</summary>
    public void Discard()
    {
        Count = _eventStart;
    }
}
