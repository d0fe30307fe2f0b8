namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>One log group: its streams and its events in segments, oldest first. Writers take the group's lock;
/// readers take <see cref="Segments"/> (an array replaced on change, never modified) and read views of them.</summary>
public sealed class StoredLogGroup(int id, string name, string arn, DateTimeOffset creationTime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _streamIds = new(StringComparer.Ordinal);
    private string[] _streams = [];
    private LogSegment[] _segments = [];
    private long _nextSequence;
    private long _storedBytes;

    /// <summary>A small number that names the group inside <c>@ptr</c> values.</summary>
    public int Id { get; } = id;

    public string Name { get; } = name;

    /// <summary><c>arn:aws:logs:{region}:{account}:log-group:{name}</c>, without the <c>:*</c> some APIs add.</summary>
    public string Arn { get; } = arn;

    public DateTimeOffset CreationTime { get; } = creationTime;

    public long StoredBytes => Interlocked.Read(ref _storedBytes);

    /// <summary>The segments, oldest first; the array is never changed after it is published.</summary>
    public LogSegment[] Segments => Volatile.Read(ref _segments);

    /// <summary>Stream names by id, as events refer to them.</summary>
    public string[] Streams => Volatile.Read(ref _streams);

    public bool TryAddStream(string streamName)
    {
        lock (_gate)
        {
            if (_streamIds.ContainsKey(streamName))
            {
                return false;
            }

            _streamIds[streamName] = _streams.Length;
            Volatile.Write(ref _streams, [.. _streams, streamName]);
            return true;
        }
    }

    public bool HasStream(string streamName)
    {
        lock (_gate)
        {
            return _streamIds.ContainsKey(streamName);
        }
    }

    /// <summary>Appends events (already checked against PutLogEvents' rules) to a stream.</summary>
    public void Append(string streamName, IEnumerable<(long Timestamp, string Message)> events, long ingestionTime, FieldNames names)
    {
        lock (_gate)
        {
            var stream = _streamIds[streamName];
            var segments = _segments;
            var current = segments.Length == 0 ? null : segments[^1];
            foreach (var (timestamp, message) in events)
            {
                if (current is null || current.IsFull)
                {
                    current?.Seal();
                    current = new LogSegment(_nextSequence);
                    segments = [.. segments, current];
                    Volatile.Write(ref _segments, segments);
                }

                Interlocked.Add(ref _storedBytes, current.Append(timestamp, ingestionTime, stream, message, names));
                _nextSequence++;
            }
        }
    }

    /// <summary>Drops the segments whose newest event is older than <paramref name="cutoff"/> (epoch ms).</summary>
    public void Trim(long cutoff)
    {
        lock (_gate)
        {
            var kept = _segments.Where(segment => segment.MaxTimestamp >= cutoff).ToArray();
            if (kept.Length != _segments.Length)
            {
                Interlocked.Add(ref _storedBytes, -_segments.Except(kept).Sum(segment => (long)segment.MessageBytes));
                Volatile.Write(ref _segments, kept);
            }
        }
    }

    /// <summary>The event with a group-wide sequence number, if its segment is still kept.</summary>
    public bool TryFind(long sequence, out SegmentView view, out int index)
    {
        var segments = Segments;
        var low = 0;
        var high = segments.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (segments[middle].FirstSequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (high >= 0)
        {
            var candidate = segments[high].View();
            var offset = sequence - candidate.Segment.FirstSequence;
            if (offset < candidate.Count)
            {
                view = candidate;
                index = (int)offset;
                return true;
            }
        }

        view = null!;
        index = -1;
        return false;
    }
}
