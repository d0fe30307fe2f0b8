using System.Text;

namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>The events a segment held when the view was taken; safe to read from any thread without locks.</summary>
public sealed class SegmentView(
    LogSegment segment,
    int count,
    long[] timestamps,
    long[] ingestionTimes,
    int[] streams,
    int[] messageStarts,
    byte[] bytes,
    int[] fieldStarts,
    StoredField[] fields,
    string[] decoded)
{
    public LogSegment Segment { get; } = segment;

    public int Count { get; } = count;

    public long Sequence(int index) => Segment.FirstSequence + index;

    public long Timestamp(int index) => timestamps[index];

    public long IngestionTime(int index) => ingestionTimes[index];

    public int Stream(int index) => streams[index];

    public ReadOnlySpan<byte> Message(int index) => bytes.AsSpan(messageStarts[index], messageStarts[index + 1] - messageStarts[index]);

    public int MessageLength(int index) => messageStarts[index + 1] - messageStarts[index];

    public string MessageText(int index) => Encoding.UTF8.GetString(Message(index));

    public ReadOnlySpan<StoredField> Fields(int index) => fields.AsSpan(fieldStarts[index], fieldStarts[index + 1] - fieldStarts[index]);

    /// <returns>The field with that name id in the event, or false.</returns>
    public bool TryFind(int index, int name, out StoredField field)
    {
        foreach (var candidate in Fields(index))
        {
            if (candidate.Name == name)
            {
                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>The UTF-8 bytes of a field kept inside the message; false for numbers and decoded strings.</summary>
    public bool TryUtf8(StoredField field, out ReadOnlySpan<byte> value)
    {
        if (field.Kind == StoredFieldKind.Utf8)
        {
            value = bytes.AsSpan((int)field.Payload, field.Length);
            return true;
        }

        value = default;
        return false;
    }

    public string Text(StoredField field) => field.Kind switch
    {
        StoredFieldKind.Utf8 => Encoding.UTF8.GetString(bytes, (int)field.Payload, field.Length),
        StoredFieldKind.Decoded => decoded[(int)field.Payload],
        _ => throw new InvalidOperationException("A number field has no text."),
    };
}
