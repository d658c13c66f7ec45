using System.Buffers.Binary;
using System.Numerics;

namespace VpcLab.FlowLogs.Formatting;

/// <summary>Decimal text of the numbers a record line holds, written as UTF-8 without the general-purpose formatter's
/// checks: two digits per division, an IPv4 octet from a table. Every line of a delivery goes through here, so these
/// few nanoseconds per field are most of what formatting costs beside compression.</summary>
internal static class Utf8Digits
{
    /// <summary>"00" to "99", two bytes each.</summary>
    private static readonly byte[] Pairs = MakePairs();

    /// <summary>An octet's digits and a '.' after them in the low four bytes (little-endian), the count of digits above.</summary>
    private static readonly ulong[] Octets = MakeOctets();

    private static readonly ulong[] PowersOf10 = MakePowersOf10();

    /// <summary>Bytes an IPv4 address's text needs at most, including 1 byte of scratch after it (see <see cref="WriteIPv4"/>).</summary>
    public const int IPv4Room = 16;

    /// <summary>Decimal digits of <paramref name="value"/> (1 for zero).</summary>
    public static int Count(ulong value)
    {
        // floor(log10) from floor(log2), corrected by one comparison (Bit Twiddling Hacks, "IntegerLog10").
        int t = ((BitOperations.Log2(value | 1) + 1) * 1233) >> 12;
        return t - ((value | 1) < PowersOf10[t] ? 1 : 0) + 1;
    }

    /// <summary>Writes <paramref name="value"/> in decimal; returns the bytes written.</summary>
    public static int Write(long value, Span<byte> destination)
    {
        if (value >= 0)
            return Write((ulong)value, destination);
        destination[0] = (byte)'-';
        // -long.MinValue is not a long; as an unsigned number it is its magnitude.
        return 1 + Write((ulong)(-(value + 1)) + 1, destination[1..]);
    }

    /// <summary>Writes <paramref name="value"/> in decimal; returns the bytes written.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        int digits = Count(value);
        _ = destination[digits - 1];
        int i = digits;
        var pairs = Pairs;
        while (value >= 100)
        {
            ulong quotient = value / 100;
            int pair = (int)(value - (quotient * 100)) * 2;
            destination[--i] = pairs[pair + 1];
            destination[--i] = pairs[pair];
            value = quotient;
        }
        if (value >= 10)
        {
            int pair = (int)value * 2;
            destination[1] = pairs[pair + 1];
            destination[0] = pairs[pair];
        }
        else
        {
            destination[0] = (byte)('0' + value);
        }
        return digits;
    }

    /// <summary>Writes an IPv4 address (<paramref name="address"/> in host order) as dotted decimal; returns the bytes
    /// of the text. Writes up to one byte past the text (scratch): the destination needs <see cref="IPv4Room"/>.</summary>
    public static int WriteIPv4(uint address, Span<byte> destination)
    {
        _ = destination[IPv4Room - 1];
        int n = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            ulong octet = Octets[(address >> shift) & 0xFF];
            BinaryPrimitives.WriteUInt32LittleEndian(destination[n..], (uint)octet);
            n += (int)(octet >> 32) + 1;   // the digits and the '.'
        }
        return n - 1;   // the last octet's '.' is scratch
    }

    private static byte[] MakePairs()
    {
        var pairs = new byte[200];
        for (int i = 0; i < 100; i++)
            (pairs[2 * i], pairs[(2 * i) + 1]) = ((byte)('0' + (i / 10)), (byte)('0' + (i % 10)));
        return pairs;
    }

    private static ulong[] MakeOctets()
    {
        var octets = new ulong[256];
        for (int i = 0; i < 256; i++)
        {
            var text = System.Text.Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
            ulong packed = (ulong)(text.Length - 1) << 32;
            for (int b = 0; b < text.Length; b++)
                packed |= (ulong)text[b] << (8 * b);
            octets[i] = packed;
        }
        return octets;
    }

    private static ulong[] MakePowersOf10()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++)
            powers[i] = powers[i - 1] * 10;
        return powers;
    }
}
