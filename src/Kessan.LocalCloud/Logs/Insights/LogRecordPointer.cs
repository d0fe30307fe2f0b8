using System.Buffers.Binary;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary><c>@ptr</c>: an opaque pointer to one stored event (its group and sequence number) that GetLogRecord takes back.</summary>
public static class LogRecordPointer
{
    private const string Listing = "LogRecord";

    public static string Encode(int groupId, long sequence)
    {
        Span<byte> position = stackalloc byte[12];
        BinaryPrimitives.WriteInt32BigEndian(position, groupId);
        BinaryPrimitives.WriteInt64BigEndian(position[4..], sequence);
        return PageToken.Encode(Listing, position);
    }

    public static bool TryDecode(string pointer, out int groupId, out long sequence)
    {
        groupId = 0;
        sequence = 0;
        if (!PageToken.TryDecode(pointer, Listing, out var position) || position.Length != 12)
        {
            return false;
        }

        groupId = BinaryPrimitives.ReadInt32BigEndian(position);
        sequence = BinaryPrimitives.ReadInt64BigEndian(position.AsSpan(4));
        return true;
    }
}
