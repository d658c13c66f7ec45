using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// The walk's filters: security groups (stateful, checked on the request) and network ACLs (stateless, both ways).
public sealed partial class CompiledNetwork
{
    /// <summary>Security groups: the union of the interface's groups, allow-only. Rules are pre-bucketed by
    /// direction, family and protocol; a group reference matches a private address of an interface carrying
    /// the group (in this VPC), and only while the packet still comes from its original sender.</summary>
    private bool SecurityGroupAllows<TRec>(TRec rec, ref WalkState st, int eni, bool egress) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[eni];
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
                if (!egress && !st.IdentityPreserved)
                    continue;
                // A group of a peer VPC matches only over an active same-Region peering (any accounts).
                int groupVpc = _groupVpc[r.PeerGroup];
                int lookIn = e.Vpc;
                if (groupVpc >= 0 && groupVpc != e.Vpc)
                {
                    if (!_sgReferencePeers.Contains(PairKey(e.Vpc, groupVpc)))
                        continue;
                    lookIn = groupVpc;
                }
                int owner = FindInterface(lookIn, peer);
                if (owner < 0 || !_securityGroupSets[_interfaces[owner].SecurityGroupSet].Contains(r.PeerGroup))
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
        var set = _securityGroupSets[e.SecurityGroupSet];
        bool any = egress ? set.HasEgressRules : set.HasIngressRules;
        Drop(rec, ref st, any ? DropReason.EniSgRulesMismatch : DropReason.SgHasNoRules);
        return false;
    }

    /// <summary>Network ACL of a subnet in one direction: ascending rule number, first match decides, no match is
    /// the '*' deny. Entries never match the other family.</summary>
    private bool AclAllows<TRec>(TRec rec, ref WalkState st, int subnet, bool egress) where TRec : IPathRecorder
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
                Drop(rec, ref st, DropReason.SubnetAclRestriction);
            return entry.Allow;
        }
        rec.Acl(aclIndex, subnet, egress, -1, false, in st.Packet);
        Drop(rec, ref st, DropReason.SubnetAclRestriction);
        return false;
    }
}
