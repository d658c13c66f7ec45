using System.Globalization;

namespace VpcLab.Net;

/// <summary>A block of addresses: a network address and a prefix length. Always canonical: host bits are zero,
/// as AWS stores every CIDR it is given (100.68.0.18/18 is kept as 100.68.0.0/18).</summary>
public readonly record struct Cidr : IComparable<Cidr>
{
    public IpAddress Network { get; }
    public int PrefixLength { get; }

    public Cidr(IpAddress network, int prefixLength)
    {
        if (prefixLength < 0 || prefixLength > network.Family.BitLength())
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, "Prefix length outside the family's range.");
        PrefixLength = prefixLength;
        Network = new IpAddress(network.Value & Mask(network.Family, prefixLength), network.Family);
    }

    public IpFamily Family => Network.Family;
    public bool IsV4 => Network.IsV4;
    public bool IsV6 => Network.IsV6;
    public IpAddress First => Network;
    public IpAddress Last => new(Network.Value | HostMask, Family);

    /// <summary>How many addresses the block holds (2^(bits − prefix)); saturates at UInt128.MaxValue for ::/0.</summary>
    public UInt128 AddressCount => HostMask == UInt128.MaxValue ? UInt128.MaxValue : HostMask + 1;

    private UInt128 HostMask => ~Mask(Family, PrefixLength) & Family.MaxValue();

    public static readonly Cidr AnyV4 = new(IpAddress.V4(0), 0);
    public static readonly Cidr AnyV6 = new(IpAddress.V6(0), 0);

    /// <summary>The network mask of a prefix length within a family.</summary>
    public static UInt128 Mask(IpFamily family, int prefixLength)
    {
        int bits = family.BitLength();
        if (prefixLength == 0)
            return 0;
        return (UInt128.MaxValue << (bits - prefixLength)) & family.MaxValue();
    }

    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not a valid CIDR block.");

    /// <summary>Parses "address/prefix"; a bare address is refused (AWS needs the prefix).</summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text))
            return false;
        int slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1 || text.Length - slash > 4)
            return false;
        var prefixText = text.AsSpan(slash + 1);
        foreach (var c in prefixText)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        if (prefixText.Length > 1 && prefixText[0] == '0')
            return false;
        if (!IpAddress.TryParse(text[..slash], out var address))
            return false;
        int prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (prefix > address.Family.BitLength())
            return false;
        cidr = new Cidr(address, prefix);
        return true;
    }

    public static Cidr Host(IpAddress address) => new(address, address.Family.BitLength());

    public bool Contains(IpAddress address) =>
        address.Family == Family && (address.Value & Mask(Family, PrefixLength)) == Network.Value;

    /// <summary>True when <paramref name="other"/> lies wholly inside this block (a block contains itself).</summary>
    public bool Contains(Cidr other) =>
        other.Family == Family && other.PrefixLength >= PrefixLength && Contains(other.Network);

    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The <paramref name="index"/>-th block of length <paramref name="newPrefixLength"/> inside this one.</summary>
    public Cidr Subnet(int newPrefixLength, UInt128 index)
    {
        int bits = Family.BitLength();
        if (newPrefixLength < PrefixLength || newPrefixLength > bits)
            throw new ArgumentOutOfRangeException(nameof(newPrefixLength));
        int extra = newPrefixLength - PrefixLength;
        if (extra < 128 && index >= (UInt128.One << extra))
            throw new ArgumentOutOfRangeException(nameof(index));
        var offset = newPrefixLength == bits ? index : index << (bits - newPrefixLength);
        return new Cidr(new IpAddress(Network.Value | offset, Family), newPrefixLength);
    }

    /// <summary>All blocks of a longer prefix that tile this one, in address order.</summary>
    public IEnumerable<Cidr> Subnets(int newPrefixLength)
    {
        // Checked here, not in the iterator, so a bad length fails at the call rather than at first enumeration.
        int extra = newPrefixLength - PrefixLength;
        if (extra < 0 || extra > 24 || newPrefixLength > Family.BitLength())
            throw new ArgumentOutOfRangeException(nameof(newPrefixLength), newPrefixLength, "At most 2^24 subnets, each inside the family's range, are enumerated.");
        return Enumerate(this, newPrefixLength, UInt128.One << extra);

        static IEnumerable<Cidr> Enumerate(Cidr block, int newPrefixLength, UInt128 count)
        {
            for (UInt128 i = 0; i < count; i++)
                yield return block.Subnet(newPrefixLength, i);
        }
    }

    /// <summary>The address <paramref name="offset"/> places from the start of the block; an offset past
    /// <see cref="Last"/> is refused (it would name an address outside the block, or outside the family).</summary>
    public IpAddress AddressAt(UInt128 offset) =>
        offset <= HostMask
            ? new(Network.Value + offset, Family)
            : throw new ArgumentOutOfRangeException(nameof(offset), offset, $"Offset outside {this}.");

    public int CompareTo(Cidr other)
    {
        int c = Network.CompareTo(other.Network);
        return c != 0 ? c : PrefixLength.CompareTo(other.PrefixLength);
    }

    public override string ToString() => $"{Network}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";
}
