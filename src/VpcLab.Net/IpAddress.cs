using System.Globalization;
using System.Net.Sockets;

namespace VpcLab.Net;

/// <summary>An IPv4 or IPv6 address held as a 128-bit value (IPv4 in the low 32 bits), so that both families
/// share one arithmetic. A value type: comparing, hashing and masking never allocate.</summary>
public readonly record struct IpAddress(UInt128 Value, IpFamily Family) : IComparable<IpAddress>
{
    public bool IsV4 => Family == IpFamily.V4;
    public bool IsV6 => Family == IpFamily.V6;

    public static IpAddress V4(uint value) => new(value, IpFamily.V4);
    public static IpAddress V6(UInt128 value) => new(value, IpFamily.V6);

    /// <summary>Parses dotted-quad IPv4 (strict: four decimal octets) or any RFC 4291 IPv6 text form.</summary>
    public static IpAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a valid IP address.");

    public static bool TryParse(string? text, out IpAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text) || text.Length > 45)
            return false;
        return text.Contains(':') ? TryParseV6(text, out address) : TryParseV4(text, out address);
    }

    private static bool TryParseV4(string text, out IpAddress address)
    {
        address = default;
        uint value = 0;
        int octets = 0, i = 0;
        while (i <= text.Length)
        {
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
            int length = i - start;
            // Leading zeros are refused: "010" is octal to some parsers and decimal to others.
            if (length == 0 || length > 3 || (length > 1 && text[start] == '0'))
                return false;
            int octet = int.Parse(text.AsSpan(start, length), CultureInfo.InvariantCulture);
            if (octet > 255)
                return false;
            value = (value << 8) | (uint)octet;
            octets++;
            if (i == text.Length)
                break;
            if (text[i] != '.' || octets == 4)
                return false;
            i++;
        }
        if (octets != 4)
            return false;
        address = V4(value);
        return true;
    }

    private static bool TryParseV6(string text, out IpAddress address)
    {
        address = default;
        // System.Net also takes "[::1]", "[::1]:80", zone ids ("fe80::1%eth0") and leading zeros in an embedded
        // IPv4 tail ("::1.2.3.04"); none of them is an address as AWS writes one, so only RFC 4291 characters pass
        // and the dotted tail must satisfy the same strict rules as a plain IPv4 address.
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c) && c != ':' && c != '.')
                return false;
        }
        if (text.Contains('.') && !TryParseV4(text[(text.LastIndexOf(':') + 1)..], out _))
            return false;
        if (!System.Net.IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        Span<byte> bytes = stackalloc byte[16];
        parsed.TryWriteBytes(bytes, out _);
        address = V6(new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])));
        return true;
    }

    /// <summary>IPv4 dotted quad; IPv6 in RFC 5952 canonical form (lower case, longest zero run compressed, a dotted
    /// tail only for IPv4-mapped addresses).</summary>
    public override string ToString()
    {
        if (IsV4)
        {
            var v = (uint)Value;
            return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}");
        }
        return FormatV6(Value);
    }

    // RFC 5952 §4: lower-case hex, no leading zeros in a group, "::" for the longest run of two or more zero
    // groups (the first on a tie). §5: dotted decimal only for IPv4-mapped addresses (::ffff:0:0/96).
    // System.Net is not used: it also prints IPv4-compatible and ISATAP forms dotted ("::1:0" as "::0.1.0.0",
    // "fe80::5efe:a00:1" as "fe80::5efe:10.0.0.1").
    private static string FormatV6(UInt128 value)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (int g = 0; g < 8; g++)
            groups[g] = (ushort)(value >> (112 - (16 * g)));
        bool mapped = value >> 32 == 0xFFFF;
        int hexGroups = mapped ? 6 : 8;

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

        Span<char> text = stackalloc char[45];
        int n = 0;
        for (int g = 0; g < hexGroups; g++)
        {
            if (g == runStart)
            {
                text[n++] = ':';
                text[n++] = ':';
                g += runLength - 1;
                continue;
            }
            if (n > 0 && text[n - 1] != ':')
                text[n++] = ':';
            groups[g].TryFormat(text[n..], out int written, "x", CultureInfo.InvariantCulture);
            n += written;
        }
        if (mapped)
        {
            if (text[n - 1] != ':')
                text[n++] = ':';
            var dotted = V4((uint)value).ToString();
            dotted.AsSpan().CopyTo(text[n..]);
            n += dotted.Length;
        }
        return new string(text[..n]);
    }

    /// <summary>Orders IPv4 before IPv6, then by value.</summary>
    public int CompareTo(IpAddress other) =>
        Family != other.Family ? Family.CompareTo(other.Family) : Value.CompareTo(other.Value);

    public static bool operator <(IpAddress left, IpAddress right) => left.CompareTo(right) < 0;
    public static bool operator >(IpAddress left, IpAddress right) => left.CompareTo(right) > 0;
    public static bool operator <=(IpAddress left, IpAddress right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IpAddress left, IpAddress right) => left.CompareTo(right) >= 0;

    /// <summary>The address <paramref name="offset"/> places further on, wrapping within the family.</summary>
    public IpAddress Add(UInt128 offset) => new((Value + offset) & Family.MaxValue(), Family);
}
