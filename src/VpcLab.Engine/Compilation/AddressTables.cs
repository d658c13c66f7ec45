using System.Runtime.CompilerServices;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Address lookups: private addresses per VPC (VPCs may overlap), the internet gateway's 1:1 NAT between
/// private and public IPv4, the world's IPv6 addresses, and which VPC a CIDR belongs to. IPv4 keys are packed
/// into integers (VPC index &lt;&lt; 32 | address): small entries, cheap hashing, few cache lines on big worlds.</summary>
internal sealed class AddressTables(
    CompiledInterface[] interfaces,
    Dictionary<ulong, int> privateV4,
    Dictionary<VpcAddress, int> privateV6,
    Dictionary<ulong, uint> privateToPublic,
    Dictionary<uint, PublicTarget> publicToPrivate,
    Dictionary<AddressKey, int> globalV6,
    LongestPrefixMatchTable<int> vpcCidrs)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong V4Key(int vpc, in IpAddress address) => ((ulong)(uint)vpc << 32) | (uint)address.Value;

    /// <summary>The interface owning a private address of a VPC, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindInterface(int vpc, in IpAddress address) =>
        (address.Family == IpFamily.V4
            ? privateV4.TryGetValue(V4Key(vpc, address), out int eni)
            : privateV6.TryGetValue(new VpcAddress(vpc, address), out eni)) ? eni : -1;

    /// <summary>True when the address is one of the interface's own. The primary address is compared first, so
    /// the usual case costs no hash lookup.</summary>
    public bool Owns(int eni, in IpAddress address)
    {
        ref readonly var e = ref interfaces[eni];
        if (address.Family == IpFamily.V4 ? e.HasV4 && address.Value == e.PrimaryV4Value
                : e.HasV6 && address.Value == e.PrimaryV6Value)
            return true;
        return FindInterface(e.Vpc, address) == eni;
    }

    /// <summary>The public IPv4 the internet gateway maps a private IPv4 of a VPC to.</summary>
    public bool TryPublicOf(int vpc, in IpAddress privateIp, out IpAddress publicIp)
    {
        if (privateIp.IsV4 && privateToPublic.TryGetValue(V4Key(vpc, privateIp), out uint p))
        {
            publicIp = IpAddress.V4(p);
            return true;
        }
        publicIp = default;
        return false;
    }

    public bool TryPrivateOf(in IpAddress publicIp, out PublicTarget target)
    {
        if (publicIp.IsV4)
            return publicToPrivate.TryGetValue((uint)publicIp.Value, out target);
        target = default;
        return false;
    }

    public bool IsPublicV4(in IpAddress address) => address.IsV4 && publicToPrivate.ContainsKey((uint)address.Value);

    /// <summary>The interface owning an IPv6 address (IPv6 addresses are global), or −1.</summary>
    public int GlobalV6Owner(in IpAddress address) => globalV6.TryGetValue(new AddressKey(address), out int eni) ? eni : -1;

    public bool IsGlobalV6(in IpAddress address) => globalV6.ContainsKey(new AddressKey(address));

    /// <summary>The VPC whose CIDRs contain the address (longest prefix), or −1.</summary>
    public int VpcContaining(in IpAddress address)
    {
        int owner = vpcCidrs.LookupIndex(address);
        return owner >= 0 ? vpcCidrs.Entries[owner].Value : -1;
    }

    /// <summary>An address of this world: in a VPC's CIDRs, a public IPv4 of an interface, or an interface's IPv6.</summary>
    public bool InWorld(in IpAddress address) =>
        vpcCidrs.LookupIndex(address) >= 0 || (address.IsV4 ? IsPublicV4(address) : IsGlobalV6(address));
}

/// <summary>Where the internet gateway delivers a public IPv4: the interface and its private address.</summary>
internal readonly struct PublicTarget(int @interface, uint privateIp)
{
    public readonly int Interface = @interface;
    private readonly uint _privateIp = privateIp;

    public IpAddress PrivateIp => IpAddress.V4(_privateIp);
}
