using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

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
