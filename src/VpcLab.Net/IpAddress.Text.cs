using System.Buffers.Text;

namespace VpcLab.Net;

// Text form of an address, written once as UTF-8 so that ToString and allocation-free writers (flow log records)
// cannot disagree. RFC 5952 §4: lower-case hex, no leading zeros in a group, "::" for the longest run of two or more
// zero groups (the first on a tie). §5: dotted decimal only for IPv4-mapped addresses (::ffff:0:0/96). System.Net
// is not used: it also prints IPv4-compatible and ISATAP forms dotted ("::1:0" as "::0.1.0.0").
public readonly partial record struct IpAddress
{
    /// <summary>Longest text: a full IPv6 address with an IPv4 tail ("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255").</summary>
    public const int MaxUtf8Length = 45;

    /// <summary>Writes the address as UTF-8 (ASCII) text, the same as <see cref="ToString"/>, without allocating;
    /// returns the bytes written. <paramref name="destination"/> needs <see cref="MaxUtf8Length"/> bytes at most.</summary>
    public int WriteUtf8(Span<byte> destination) =>
        IsV4 ? WriteV4((uint)Value, destination) : WriteV6(Value, destination);

    private static int WriteV4(uint v, Span<byte> destination)
    {
        int n = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            Utf8Formatter.TryFormat((byte)(v >> shift), destination[n..], out int written);
            n += written;
            if (shift > 0)
                destination[n++] = (byte)'.';
        }
        return n;
    }

    private static int WriteV6(UInt128 value, Span<byte> destination)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (int g = 0; g < 8; g++)
            groups[g] = (ushort)(value >> (112 - (16 * g)));
        bool mapped = value >> 32 == 0xFFFF;
        int hexGroups = mapped ? 6 : 8;

        // The longest run of two or more zero groups becomes "::" (the first one on a tie).
        int runStart = -1, runLength = 1;
        for (int g = 0; g < hexGroups;)
        {
            if (groups[g] != 0)
            {
                g++;
                continue;
            }
            int start = g;
            while (g < hexGroups && groups[g] == 0)
                g++;
            if (g - start > runLength)
                (runStart, runLength) = (start, g - start);
        }

        int n = 0;
        for (int g = 0; g < hexGroups; g++)
        {
            if (g == runStart)
            {
                destination[n++] = (byte)':';
                destination[n++] = (byte)':';
                g += runLength - 1;
                continue;
            }
            if (n > 0 && destination[n - 1] != ':')
                destination[n++] = (byte)':';
            n += WriteHex(groups[g], destination[n..]);
        }
        if (mapped)
        {
            if (destination[n - 1] != ':')
                destination[n++] = (byte)':';
            n += WriteV4((uint)value, destination[n..]);
        }
        return n;
    }

    private static int WriteHex(ushort group, Span<byte> destination)
    {
        int digits = group >= 0x1000 ? 4 : group >= 0x100 ? 3 : group >= 0x10 ? 2 : 1;
        for (int i = digits - 1; i >= 0; i--)
        {
            int nibble = group & 0xF;
            destination[i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
            group >>= 4;
        }
        return digits;
    }
}
