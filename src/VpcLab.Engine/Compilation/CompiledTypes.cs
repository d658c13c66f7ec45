using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>An address scoped to a VPC: private address spaces of different VPCs may overlap.</summary>
internal readonly struct VpcAddress : IEquatable<VpcAddress>
{
    public readonly int Vpc;
    public readonly IpAddress Address;

    public VpcAddress(int vpc, IpAddress address)
    {
        Vpc = vpc;
        Address = address;
    }

    public bool Equals(VpcAddress other) =>
        Vpc == other.Vpc && Address.Value == other.Address.Value && Address.Family == other.Address.Family;

    public override bool Equals(object? obj) => obj is VpcAddress other && Equals(other);

    public override int GetHashCode()
    {
        ulong lo = (ulong)Address.Value, hi = (ulong)(Address.Value >> 64);
        ulong h = (lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)(uint)Vpc << 32) ^ (byte)Address.Family;
        return (int)(h ^ (h >> 29));
    }
}

/// <summary>A global address (public IPv4, IPv6) as a dictionary key with a cheap hash.</summary>
internal readonly struct AddressKey : IEquatable<AddressKey>
{
    public readonly IpAddress Address;

    public AddressKey(IpAddress address) => Address = address;

    public bool Equals(AddressKey other) => Address.Value == other.Address.Value && Address.Family == other.Address.Family;

    public override bool Equals(object? obj) => obj is AddressKey other && Equals(other);

    public override int GetHashCode()
    {
        ulong lo = (ulong)Address.Value, hi = (ulong)(Address.Value >> 64);
        ulong h = (lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL) ^ (byte)Address.Family;
        return (int)(h ^ (h >> 29));
    }
}

/// <summary>An interface in 48 bytes (addresses as raw integers), so that big worlds touch few cache lines.</summary>
internal struct CompiledInterface
{
    // The 16-byte-aligned field first, so the struct packs into 48 bytes.
    public UInt128 PrimaryV6Value;
    public int Vpc;
    public int Subnet;
    public int SecurityGroupSet;
    /// <summary>The NAT gateway this interface belongs to, else −1.</summary>
    public int NatGateway;
    public uint PrimaryV4Value;
    /// <summary>The public IPv4 (Elastic or auto-assigned) of the primary private IPv4, when it has one.</summary>
    public uint PublicV4Value;
    public bool SourceDestCheck;
    /// <summary>False when the interface's instance is not running: it neither sends nor receives.</summary>
    public bool Usable;
    public bool HasV4;
    public bool HasV6;
    public bool HasPublicV4;
    /// <summary>An interface of an interface VPC endpoint: it receives for the service and never initiates.</summary>
    public bool IsVpcEndpoint;

    public readonly IpAddress PrimaryV4 => IpAddress.V4(PrimaryV4Value);
    public readonly IpAddress PrimaryV6 => IpAddress.V6(PrimaryV6Value);
    public readonly IpAddress PublicV4 => IpAddress.V4(PublicV4Value);
}

internal struct CompiledSubnet
{
    public int Vpc;
    public int RouteTable;
    public int Acl;
    public UInt128 V4Network;
    public UInt128 V4Mask;
    public bool HasV6;
    public UInt128 V6Network;
    public UInt128 V6Mask;

    public readonly bool Contains(in IpAddress address) => address.Family == IpFamily.V4
        ? (address.Value & V4Mask) == V4Network
        : HasV6 && (address.Value & V6Mask) == V6Network;
}

internal struct CompiledVpc
{
    public int InternetGateway;
    public int EgressOnlyInternetGateway;
    /// <summary>The route table associated with the internet gateway (ingress routing), else −1.</summary>
    public int GatewayRouteTable;
    /// <summary>The VPC's main route table, else −1.</summary>
    public int MainRouteTable;
    public IpAddress DnsResolver;
    public bool DnsSupport;
    /// <summary>Where the VPC's associated CIDRs (IPv4 and IPv6) live in the flattened CIDR array.</summary>
    public int CidrStart;
    public int CidrCount;
}

/// <summary>A VPC peering connection: its two ends (VPC indices, −1 when the VPC is not in the snapshot).</summary>
internal struct CompiledPeering
{
    public int Requester;
    public int Accepter;
    public bool Active;
    public bool InterRegion;

    public readonly int PeerOf(int vpc) => vpc == Requester ? Accepter : vpc == Accepter ? Requester : -1;
}

/// <summary>One CIDR of a VPC, ready to match an address (family carried by the mask width).</summary>
internal readonly struct VpcCidrEntry(UInt128 network, UInt128 mask, IpFamily family)
{
    public readonly UInt128 Network = network;
    public readonly UInt128 Mask = mask;
    public readonly IpFamily Family = family;
}

internal struct CompiledRoute
{
    public RouteTargetKind Kind;
    /// <summary>Index of the target (gateway, NAT gateway, interface) in its compiled array; −1 for local.</summary>
    public int Target;
    public bool Blackhole;
    /// <summary>The route's index in the model table's Routes, for traces.</summary>
    public int ModelIndex;
}

/// <summary>One route of a small table, in a global array: tables are contiguous slices sorted longest prefix
/// first, so a lookup is a short linear scan over adjacent memory (first match = longest prefix).</summary>
internal readonly struct RouteEntry(UInt128 network, UInt128 mask, int route)
{
    public readonly UInt128 Network = network;
    public readonly UInt128 Mask = mask;
    public readonly int Route = route;
}

/// <summary>Where a table's entries and routes live in the global arrays; tables with many entries (large prefix
/// lists) use their <see cref="LongestPrefixMatchTable{T}"/> instead.</summary>
internal struct RouteTableSlice
{
    public int V4Start;
    public int V4Count;
    public int V6Start;
    public int V6Count;
    public int RouteBase;
    public bool Large;
}

internal sealed class CompiledRouteTable
{
    public required RouteTable Model { get; init; }
    public required LongestPrefixMatchTable<int> Lookup { get; init; }
    /// <summary>Entry index of <see cref="Lookup"/> → compiled route index.</summary>
    public required int[] EntryRoute { get; init; }
    public required CompiledRoute[] Routes { get; init; }
    /// <summary>Entry index → the CIDR that matched (for traces of prefix-list routes).</summary>
    public int Find(in IpAddress destination)
    {
        int entry = Lookup.LookupIndex(destination);
        return entry < 0 ? -1 : EntryRoute[entry];
    }
}

internal struct CompiledNat
{
    public int Interface;
    public int Subnet;
    public int Vpc;
    public bool Public;
    public IpAddress PrivateIp;
}

/// <summary>A NACL entry ready to match: masks precomputed, ports and ICMP only where the protocol has them.</summary>
internal readonly struct AclEntry
{
    public readonly UInt128 Network;
    public readonly UInt128 Mask;
    public readonly short Protocol;
    public readonly byte MatchKind; // 0 none, 1 ports, 2 icmp
    public readonly ushort From;
    public readonly ushort To;
    public readonly short IcmpType;
    public readonly short IcmpCode;
    public readonly bool Allow;
    public readonly int ModelIndex;

    public AclEntry(NetworkAclEntry entry, int modelIndex)
    {
        Network = entry.Cidr.Network.Value;
        Mask = Cidr.Mask(entry.Cidr.Family, entry.Cidr.PrefixLength);
        Protocol = entry.Protocol.Number;
        Allow = entry.Action == RuleAction.Allow;
        ModelIndex = modelIndex;
        if (entry.Protocol.HasPorts && entry.PortRange is { } range)
        {
            MatchKind = 1;
            From = range.From;
            To = range.To;
        }
        else if (entry.Protocol.IsIcmp && entry.Icmp is { } icmp)
        {
            MatchKind = 2;
            IcmpType = (short)icmp.Type;
            IcmpCode = (short)icmp.Code;
        }
    }

    public bool Matches(in FlowKey flow, in IpAddress peer)
    {
        if (Protocol != -1 && Protocol != flow.Protocol.Number)
            return false;
        if ((peer.Value & Mask) != Network)
            return false;
        return MatchKind switch
        {
            1 => flow.DestinationPort >= From && flow.DestinationPort <= To,
            2 => (IcmpType == -1 || IcmpType == flow.IcmpType) && (IcmpCode == -1 || IcmpCode == flow.IcmpCode),
            _ => true,
        };
    }
}

/// <summary>A security group rule ready to match; a prefix-list peer becomes one rule per CIDR of the list.</summary>
internal readonly struct SgRule
{
    public readonly UInt128 Network;
    public readonly UInt128 Mask;
    /// <summary>The referenced group's index when the peer is a security group, else −1.</summary>
    public readonly int PeerGroup;
    public readonly short Protocol;
    public readonly byte MatchKind; // 0 none, 1 ports, 2 icmp
    public readonly ushort From;
    public readonly ushort To;
    public readonly short IcmpType;
    public readonly short IcmpCode;
    /// <summary>Index of the owning group, and the rule's index in its Rules, for traces.</summary>
    public readonly int Group;
    public readonly int ModelIndex;
    public readonly int PrefixList;

    public SgRule(SecurityGroupRule rule, int group, int modelIndex, Cidr? cidr, int peerGroup, int prefixList)
    {
        if (cidr is { } c)
        {
            Network = c.Network.Value;
            Mask = Cidr.Mask(c.Family, c.PrefixLength);
        }
        PeerGroup = peerGroup;
        Protocol = rule.Protocol.Number;
        Group = group;
        ModelIndex = modelIndex;
        PrefixList = prefixList;
        if (rule.Protocol.HasPorts)
        {
            MatchKind = 1;
            From = (ushort)Math.Clamp(rule.FromPort, 0, 65535);
            To = (ushort)Math.Clamp(rule.ToPort < 0 ? 65535 : rule.ToPort, 0, 65535);
            if (rule.FromPort < 0)
                From = 0;
        }
        else if (rule.Protocol.IsIcmp)
        {
            MatchKind = 2;
            IcmpType = (short)rule.FromPort;
            IcmpCode = (short)rule.ToPort;
        }
    }

    /// <summary>Protocol, ports and ICMP only; the peer is matched by the caller.</summary>
    public bool MatchesPacket(in FlowKey flow)
    {
        if (Protocol != -1 && Protocol != flow.Protocol.Number)
            return false;
        return MatchKind switch
        {
            1 => flow.DestinationPort >= From && flow.DestinationPort <= To,
            2 => (IcmpType == -1 || IcmpType == flow.IcmpType) && (IcmpCode == -1 || IcmpCode == flow.IcmpCode),
            _ => true,
        };
    }
}

/// <summary>Rules bucketed by direction, family and protocol so a lookup scans only rules that can apply.</summary>
internal static class ProtocolBuckets
{
    public const int Count = 5; // tcp, udp, icmp, icmpv6, other

    public static int Of(short protocol) => protocol switch
    {
        6 => 0,
        17 => 1,
        1 => 2,
        58 => 3,
        _ => 4,
    };

    /// <summary>Index into a [egress][family][protocol] flattened array.</summary>
    public static int Index(bool egress, IpFamily family, short protocol) =>
        ((egress ? 1 : 0) * 2 + (family == IpFamily.V4 ? 0 : 1)) * Count + Of(protocol);

    public const int Total = 2 * 2 * Count;
}

/// <summary>The union of the rules of one set of security groups (interfaces with the same groups share one).</summary>
internal sealed class CompiledSecurityGroupSet
{
    public required int[] Groups { get; init; }
    public required SgRule[][] Buckets { get; init; }
    public required bool HasIngressRules { get; init; }
    public required bool HasEgressRules { get; init; }

    public bool Contains(int group)
    {
        foreach (int g in Groups)
        {
            if (g == group)
                return true;
        }
        return false;
    }
}

internal sealed class CompiledAcl
{
    public required NetworkAcl Model { get; init; }
    public required AclEntry[][] Buckets { get; init; }
}
