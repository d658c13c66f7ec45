using System.Buffers.Text;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Formatting;

/// <summary>Writes an address as UTF-8 text without allocating: the same text as <see cref="IpAddress.ToString"/>
/// (dotted quad; RFC 5952 for IPv6, dotted tail only for IPv4-mapped addresses).</summary>
internal static class Utf8Address
{
    /// <summary>Longest text: a full IPv6 address with an IPv4 tail ("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255").</summary>
    public const int MaxLength = 45;

    public static int Write(IpAddress address, Span<byte> destination) =>
        address.IsV4 ? WriteV4((uint)address.Value, destination) : WriteV6(address.Value, destination);

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
