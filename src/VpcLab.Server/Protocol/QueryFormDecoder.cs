using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace VpcLab.Server.Protocol;

/// <summary>An <c>application/x-www-form-urlencoded</c> body read straight from its bytes: pairs split on <c>&amp;</c>
/// (empty pairs skipped), key and value on the first <c>=</c>, <c>+</c> as a space, then percent-decoding, exactly
/// as <c>Uri.UnescapeDataString(Encoding.UTF8.GetString(part).Replace('+', ' '))</c> would give. Malformed input is
/// never an error here: a <c>%</c> without two hex digits, or escapes that are not UTF-8, stay as written (what
/// the parser then says about such a key or value is its business). The usual part (ASCII, escapes decoding to
/// UTF-8) is decoded in one pass without intermediate strings; anything else takes the framework's path.</summary>
public static class QueryFormDecoder
{
    /// <summary>Parts longer than this are decoded through a pooled buffer rather than the stack.</summary>
    private const int StackLimit = 512;

    /// <summary>Appends the body's pairs, in order, to <paramref name="fields"/>.</summary>
    public static void AddPairs(ReadOnlySpan<byte> body, List<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        while (!body.IsEmpty)
        {
            var amp = body.IndexOf((byte)'&');
            var pair = amp < 0 ? body : body[..amp];
            body = amp < 0 ? default : body[(amp + 1)..];
            if (pair.IsEmpty)
                continue;
            var eq = pair.IndexOf((byte)'=');
            fields.Add(eq < 0 ? new(Decode(pair), "") : new(Decode(pair[..eq]), Decode(pair[(eq + 1)..])));
        }
    }

    /// <summary>One key or value: <c>+</c> as a space, then percent-decoded.</summary>
    public static string Decode(ReadOnlySpan<byte> part)
    {
        if (part.IsEmpty)
            return "";
        if (part.IndexOf((byte)'%') < 0)
            return Plain(part);
        byte[]? rented = null;
        Span<byte> bytes = part.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(part.Length));
        try
        {
            return TryUnescape(part, bytes, out var length)
                ? Encoding.UTF8.GetString(bytes[..length])
                : Framework(part);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>No escapes: the UTF-8 text (invalid bytes as U+FFFD, as the framework decodes them) with <c>+</c> as a
    /// space.</summary>
    private static string Plain(ReadOnlySpan<byte> part)
    {
        if (part.IndexOf((byte)'+') < 0)
            return Encoding.UTF8.GetString(part);
        var text = Encoding.UTF8.GetString(part);
        return text.Replace('+', ' ');
    }

    /// <summary>Unescapes into <paramref name="bytes"/> when the result is certain to be the framework's: no raw
    /// byte beyond ASCII, every <c>%</c> followed by two hex digits, and the decoded bytes valid UTF-8 (the framework
    /// leaves invalid escaped sequences escaped, and decodes raw bytes before unescaping).</summary>
    private static bool TryUnescape(ReadOnlySpan<byte> part, Span<byte> bytes, out int length)
    {
        length = 0;
        if (!Ascii.IsValid(part))
            return false;
        var n = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var b = part[i];
            if (b == '%')
            {
                if (i + 2 >= part.Length || HexValue(part[i + 1]) is not (>= 0 and var high) || HexValue(part[i + 2]) is not (>= 0 and var low))
                    return false;
                bytes[n++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                bytes[n++] = b == '+' ? (byte)' ' : b;
            }
        }

        if (!Utf8.IsValid(bytes[..n]))
            return false;
        length = n;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>The framework's path, for the rare part the fast path does not take.</summary>
    private static string Framework(ReadOnlySpan<byte> part) =>
        Uri.UnescapeDataString(Encoding.UTF8.GetString(part).Replace('+', ' '));
}
