using System.Buffers;
using System.Text.Json;

namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>Discovers the fields of a JSON message once, at ingest, as Logs Insights does: nested objects flatten to
/// dotted names (<c>details.ticker</c>), array items to indexes (<c>tags.0</c>), nulls are absent, and at most
/// <see cref="MaxFieldsPerEvent"/> fields are kept. A message that is not a JSON object has no fields.</summary>
public static class JsonFieldExtractor
{
    public const int MaxFieldsPerEvent = 200;

    private const int MaxNameLength = 512;

    /// <param name="message">The message's UTF-8 bytes.</param>
    /// <param name="messageOffset">Where they start in the segment, which stored string values point into.</param>
    public static void Extract(ReadOnlySpan<byte> message, int messageOffset, FieldNames names, ref FieldBuffer fields)
    {
        var start = message.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || message[start] != (byte)'{')
        {
            return;
        }

        var path = ArrayPool<char>.Shared.Rent(MaxNameLength);
        try
        {
            var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = 64 });
            reader.Read();
            ReadObject(ref reader, messageOffset, names, ref fields, path, 0);
        }
        catch (JsonException)
        {
            fields.Discard();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(path);
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, int offset, FieldNames names, ref FieldBuffer fields, char[] path, int prefix)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var length = prefix;
            if (reader.HasValueSequence || reader.ValueSpan.Length + prefix + 1 > MaxNameLength)
            {
                // A name too long to be a field: skip its value.
                reader.Read();
                reader.Skip();
                continue;
            }

            length += reader.CopyString(path.AsSpan(prefix));
            reader.Read();
            ReadValue(ref reader, offset, names, ref fields, path, length);
        }
    }

    private static void ReadArray(ref Utf8JsonReader reader, int offset, FieldNames names, ref FieldBuffer fields, char[] path, int prefix)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var length = prefix;
            if (!index.TryFormat(path.AsSpan(prefix), out var written, provider: System.Globalization.CultureInfo.InvariantCulture))
            {
                reader.Skip();
                continue;
            }

            length += written;
            index++;
            ReadValue(ref reader, offset, names, ref fields, path, length);
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, int offset, FieldNames names, ref FieldBuffer fields, char[] path, int length)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when length + 1 < MaxNameLength:
                path[length] = '.';
                ReadObject(ref reader, offset, names, ref fields, path, length + 1);
                return;
            case JsonTokenType.StartArray when length + 12 < MaxNameLength:
                path[length] = '.';
                ReadArray(ref reader, offset, names, ref fields, path, length + 1);
                return;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return;
            case JsonTokenType.Null:
                return;
        }

        if (fields.EventFieldCount >= MaxFieldsPerEvent)
        {
            return;
        }

        var name = names.GetOrAdd(path.AsSpan(0, length));
        if (name < 0)
        {
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var number):
                fields.Add(new StoredField(name, StoredFieldKind.Number, 0, BitConverter.DoubleToInt64Bits(number)));
                break;
            case JsonTokenType.String when !reader.ValueIsEscaped:
                // The token starts at the opening quote; the value follows it.
                fields.Add(new StoredField(name, StoredFieldKind.Utf8, reader.ValueSpan.Length, offset + reader.TokenStartIndex + 1));
                break;
            case JsonTokenType.String:
                fields.Add(new StoredField(name, StoredFieldKind.Decoded, 0, fields.AddDecoded(reader.GetString()!)));
                break;
            case JsonTokenType.True or JsonTokenType.False:
                fields.Add(new StoredField(name, StoredFieldKind.Utf8, reader.ValueSpan.Length, offset + reader.TokenStartIndex));
                break;
        }
    }
}
