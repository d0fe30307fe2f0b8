using System.Collections.Concurrent;

namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>The names of every field discovered in any message (<c>status_code</c>, <c>details.ticker</c>), each
/// given a small id once, so stored events and queries refer to fields by number. Bounded: names past
/// <see cref="MaxNames"/> are not extracted, so messages with ever-new keys cannot grow it without end.</summary>
public sealed class FieldNames
{
    public const int MaxNames = 100_000;

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _gate = new();
    private string[] _names = new string[256];
    private int _count;

    public FieldNames() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <returns>The id, or -1 when the table is full.</returns>
    public int GetOrAdd(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var id))
        {
            return id;
        }

        lock (_gate)
        {
            if (_lookup.TryGetValue(name, out id))
            {
                return id;
            }

            if (_count >= MaxNames)
            {
                return -1;
            }

            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _names.Length * 2);
            }

            var text = name.ToString();
            id = _count;
            _names[id] = text;
            _count++;
            _ids[text] = id;
            return id;
        }
    }

    /// <returns>The id, or -1 when no message has had the field.</returns>
    public int Find(string name) => _ids.TryGetValue(name, out var id) ? id : -1;

    public string Name(int id)
    {
        lock (_gate)
        {
            return _names[id];
        }
    }
}
