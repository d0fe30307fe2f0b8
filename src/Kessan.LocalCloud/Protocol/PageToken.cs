using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Kessan.LocalCloud.Protocol;

/// <summary>Opaque pagination tokens: the name of the listing that issued the token, then that listing's
/// position, base64url-encoded. The name keeps a token of one listing from being taken as a position in another.</summary>
public static class PageToken
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string listing, ReadOnlySpan<byte> position)
    {
        var prefix = Prefix(listing);
        var bytes = new byte[prefix.Length + position.Length];
        prefix.CopyTo(bytes, 0);
        position.CopyTo(bytes.AsSpan(prefix.Length));
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string token, string listing, [NotNullWhen(true)] out byte[]? position)
    {
        position = null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var prefix = Prefix(listing);
        if (!bytes.AsSpan().StartsWith(prefix))
        {
            return false;
        }

        position = bytes[prefix.Length..];
        return true;
    }

    public static string EncodeText(string listing, string position) => Encode(listing, Encoding.UTF8.GetBytes(position));

    public static bool TryDecodeText(string token, string listing, [NotNullWhen(true)] out string? position)
    {
        position = null;
        if (!TryDecode(token, listing, out var bytes))
        {
            return false;
        }

        try
        {
            position = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Prefix(string listing) => Encoding.UTF8.GetBytes(listing + "\0");
}
