using System.Globalization;
using System.Net.Sockets;

namespace VpcLab.Net;

/// <summary>An IPv4 or IPv6 address held as a 128-bit value (IPv4 in the low 32 bits), so that both families
/// share one arithmetic. A value type: comparing, hashing and masking never allocate.</summary>
public readonly partial record struct IpAddress(UInt128 Value, IpFamily Family) : IComparable<IpAddress>
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
        Span<byte> text = stackalloc byte[MaxUtf8Length];
        return System.Text.Encoding.ASCII.GetString(text[..WriteUtf8(text)]);
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
