namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>How a discovered field's value is kept.</summary>
public enum StoredFieldKind : byte
{
    /// <summary>A JSON number, parsed once at ingest.</summary>
    Number,

    /// <summary>UTF-8 bytes inside the event's message (a JSON string without escapes, or true/false), decoded when read.</summary>
    Utf8,

    /// <summary>A JSON string with escapes, decoded at ingest and kept beside the segment.</summary>
    Decoded,
}

/// <summary>One field discovered in a JSON message, 16 bytes: its name id, how it is kept and where.</summary>
/// <param name="Payload">The double's bits for a number; the byte offset in the segment for UTF-8; the index of the
/// decoded string otherwise.</param>
/// <param name="Length">Byte length for UTF-8 values.</param>
public readonly record struct StoredField(int Name, StoredFieldKind Kind, int Length, long Payload)
{
    public double Number => BitConverter.Int64BitsToDouble(Payload);
}
