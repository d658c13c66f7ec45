using VpcLab.Model;

namespace VpcLab.Analysis.Audit;

/// <summary>Whether one security group rule allows everything another allows: same direction, a protocol that
/// includes the other's, ports (or ICMP type and code) that include the other's, and a peer of the same kind that
/// includes the other's (a CIDR block inside, the same group, the same prefix list). Security group rules only allow,
/// and a packet is allowed when any rule matches, so a rule covered by another adds nothing
/// ([Security group rules](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)).</summary>
internal static class SecurityGroupRuleCover
{
    public static bool Covers(SecurityGroupRule wide, SecurityGroupRule narrow)
    {
        if (wide.IsEgress != narrow.IsEgress || !PeerCovers(wide.Peer, narrow.Peer))
            return false;
        if (wide.Protocol.Number == -1)
            return true;
        if (wide.Protocol != narrow.Protocol)
            return false;
        return wide.Protocol.Number switch
        {
            6 or 17 => wide.FromPort < 0 || (narrow.FromPort >= 0 && wide.FromPort <= narrow.FromPort && narrow.ToPort <= wide.ToPort),
            1 or 58 => wide.FromPort < 0 || (wide.FromPort == narrow.FromPort && (wide.ToPort < 0 || wide.ToPort == narrow.ToPort)),
            _ => true,
        };
    }

    private static bool PeerCovers(RulePeer wide, RulePeer narrow) => (wide, narrow) switch
    {
        (CidrPeer w, CidrPeer n) => w.Cidr.Family == n.Cidr.Family && w.Cidr.Contains(n.Cidr),
        (SecurityGroupPeer w, SecurityGroupPeer n) => w.GroupId == n.GroupId,
        (PrefixListPeer w, PrefixListPeer n) => w.PrefixListId == n.PrefixListId,
        _ => false,
    };
}
