namespace VpcLab.Net;

/// <summary>IPv4-embedded IPv6 addresses of the NAT64 well-known prefix <c>64:ff9b::/96</c> (RFC 6052 §2.1): the
/// IPv4 address is the last 32 bits. AWS's NAT gateways translate this prefix only, and the Route 53 Resolver's
/// DNS64 synthesises addresses in it (docs/semantics.md#nat64).</summary>
public static class Nat64Address
{
    private const ulong PrefixUpper = 0x0064_ff9b_0000_0000UL;

    /// <summary>64:ff9b::/96.</summary>
    public static readonly Cidr WellKnownPrefix = Cidr.Parse("64:ff9b::/96");

    /// <summary>True when <paramref name="address"/> is an IPv6 address inside 64:ff9b::/96.</summary>
    public static bool IsEmbedded(in IpAddress address) =>
        address.IsV6 && (ulong)(address.Value >> 64) == PrefixUpper && ((ulong)address.Value >> 32) == 0;

    /// <summary>64:ff9b::<paramref name="ipv4"/>, the address DNS64 synthesises and NAT64 answers from.</summary>
    public static IpAddress Embed(in IpAddress ipv4)
    {
        if (!ipv4.IsV4)
            throw new ArgumentException($"{ipv4} is not an IPv4 address.", nameof(ipv4));
        return IpAddress.V6(new UInt128(PrefixUpper, (ulong)ipv4.Value));
    }

    /// <summary>The IPv4 address in the last 32 bits of an address of 64:ff9b::/96.</summary>
    public static IpAddress Extract(in IpAddress embedded) => IpAddress.V4((uint)(embedded.Value & uint.MaxValue));
}
