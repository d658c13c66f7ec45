using VpcLab.Engine.Compilation;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>The filters a packet crosses: security groups (stateful, allow-only, checked on the request) and
/// network ACLs (stateless, ordered, both ways).</summary>
internal sealed class FilterStep(Topology topology, FilterTables filters, AddressTables addresses)
{
    private readonly CompiledInterface[] _interfaces = topology.Interfaces;
    private readonly CompiledSubnet[] _subnets = topology.Subnets;
    private readonly SgRule[] _sgRules = filters.SgRules;
    private readonly int[] _sgRanges = filters.SgRanges;
    private readonly AclEntry[] _aclEntries = filters.AclEntries;
    private readonly int[] _aclRanges = filters.AclRanges;
    private readonly CompiledSecurityGroupSet[] _sets = filters.SecurityGroupSets;
    private readonly int[] _groupVpc = filters.GroupVpc;
    private readonly HashSet<ulong> _sgReferencePeers = filters.SgReferencePeers;

    /// <summary>Security groups: the union of the interface's groups, allow-only. Rules are pre-bucketed by
    /// direction, family and protocol; a group reference matches a private address of an interface carrying
    /// the group (in this VPC), and only while the packet still comes from its original sender. An ICMP error no rule
    /// allows still passes, as part of the tracked connection it reports on: every compiled set ends its ICMP buckets
    /// with that rule (<see cref="SgRule.TrackedIcmpError"/>; AWS, EC2 User Guide, Path MTU Discovery).</summary>
    public bool SecurityGroupAllows<TRec>(TRec rec, ref WalkState st, int eni, bool egress) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[eni];
        if (e.WithoutSecurityGroups)
            return true;
        ref readonly var p = ref st.Packet;
        var peer = egress ? p.Destination : p.Source;
        int at = e.SecurityGroupSet * (ProtocolBuckets.Total + 1) + ProtocolBuckets.Index(egress, p.Family, p.Protocol.Number);
        var rules = _sgRules;
        for (int i = _sgRanges[at], end = _sgRanges[at + 1]; i < end; i++)
        {
            ref readonly var r = ref rules[i];
            if (!r.MatchesPacket(in p))
                continue;
            if (r.PeerGroup >= 0)
            {
                if ((!egress && !st.IdentityPreserved) || !GroupMatches(in e, r.PeerGroup, in peer))
                    continue;
            }
            else if ((peer.Value & r.Mask) != r.Network)
            {
                continue;
            }
            rec.SecurityGroup(eni, egress, r.Group, r.ModelIndex, r.PrefixList, in st.Packet);
            return true;
        }
        rec.SecurityGroup(eni, egress, -1, -1, -1, in st.Packet);
        var set = _sets[e.SecurityGroupSet];
        bool any = egress ? set.HasEgressRules : set.HasIngressRules;
        st.Drop(rec, any ? DropReason.EniSgRulesMismatch : DropReason.SgHasNoRules);
        return false;
    }

    /// <summary>A group reference: the peer address belongs to an interface carrying the group, in this VPC or,
    /// for a group of a peer VPC, over an active same-Region peering (any accounts).</summary>
    private bool GroupMatches(in CompiledInterface e, int group, in IpAddress peer)
    {
        int groupVpc = _groupVpc[group];
        int lookIn = e.Vpc;
        if (groupVpc >= 0 && groupVpc != e.Vpc)
        {
            if (!_sgReferencePeers.Contains(FilterTables.PairKey(e.Vpc, groupVpc)))
                return false;
            lookIn = groupVpc;
        }
        int owner = addresses.FindInterface(lookIn, peer);
        return owner >= 0 && _sets[_interfaces[owner].SecurityGroupSet].Contains(group);
    }

    /// <summary>Network ACL of a subnet in one direction: ascending rule number, first match decides, no match is
    /// the '*' deny. Entries never match the other family.</summary>
    public bool AclAllows<TRec>(TRec rec, ref WalkState st, int subnet, bool egress) where TRec : IPathRecorder
    {
        int aclIndex = _subnets[subnet].Acl;
        ref readonly var p = ref st.Packet;
        var peer = egress ? p.Destination : p.Source;
        int at = aclIndex * (ProtocolBuckets.Total + 1) + ProtocolBuckets.Index(egress, p.Family, p.Protocol.Number);
        var entries = _aclEntries;
        for (int i = _aclRanges[at], end = _aclRanges[at + 1]; i < end; i++)
        {
            ref readonly var entry = ref entries[i];
            if (!entry.Matches(in p, in peer))
                continue;
            rec.Acl(aclIndex, subnet, egress, entry.ModelIndex, entry.Allow, in st.Packet);
            if (!entry.Allow)
                st.Drop(rec, DropReason.SubnetAclRestriction);
            return entry.Allow;
        }
        rec.Acl(aclIndex, subnet, egress, -1, false, in st.Packet);
        st.Drop(rec, DropReason.SubnetAclRestriction);
        return false;
    }
}
