using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

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

    /// <summary><see cref="Group"/> of the rules every compiled set ends its ICMP buckets with: an ICMP error passes as
    /// part of the connection it reports on, whatever the rules say (docs/semantics.md#sg-icmp-errors). They are rules
    /// of the set, not a check in the walk, so the walk runs the same code for every packet.</summary>
    public const int TrackedIcmpErrorGroup = -2;

    /// <summary>A tracked-error rule for one ICMP (<paramref name="protocol"/> 1) or ICMPv6 (58) error type: any peer,
    /// any code.</summary>
    public static SgRule TrackedIcmpError(short protocol, byte type) => new(protocol, type);

    private SgRule(short protocol, byte type)
    {
        PeerGroup = -1;
        Protocol = protocol;
        MatchKind = 2;
        IcmpType = type;
        IcmpCode = -1;
        Group = TrackedIcmpErrorGroup;
        ModelIndex = -1;
        PrefixList = -1;
    }

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
