using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The outbound rules AWS gives a security group it did not write itself: every group starts with
/// "all traffic to 0.0.0.0/0", plus "all traffic to ::/0" when its VPC has an IPv6 block; and when an IPv6
/// block is associated with a VPC later, every group of the VPC whose outbound rules are still that original
/// one rule gets the ::/0 rule too (docs/semantics.md#sg-ipv6-egress).</summary>
internal static class DefaultEgressRules
{
    /// <summary>The outbound rules of a new group (custom or default) in <paramref name="vpc"/>.</summary>
    public static ImmutableArray<SecurityGroupRule> ForNewGroup(Transaction tx, Vpc vpc) =>
        vpc.HasIpv6 ? [AllTrafficTo(tx, Cidr.AnyV4), AllTrafficTo(tx, Cidr.AnyV6)] : [AllTrafficTo(tx, Cidr.AnyV4)];

    /// <summary>AWS (vpc-migrate-ipv6-add, "Update your outbound security group rules"): associating an IPv6
    /// block adds the ::/0 rule to the VPC's groups, unless their original outbound rules were modified.</summary>
    public static void OnIpv6Associated(Transaction tx, VpcId vpc)
    {
        foreach (var group in tx.Where(IndexedKinds.SecurityGroup, "vpc-id", vpc.Value).ToList())
        {
            if (IsOriginalIpv4Egress(group))
                tx.Put(group with { Rules = group.Rules.Add(AllTrafficTo(tx, Cidr.AnyV6)) });
        }
    }

    /// <summary>Choice (docs/semantics.md#sg-ipv6-egress): "not modified" means the outbound rules are exactly
    /// the one all-traffic rule to 0.0.0.0/0, without a description.</summary>
    private static bool IsOriginalIpv4Egress(SecurityGroup group)
    {
        var egress = group.Egress.ToList();
        return egress.Count == 1 && egress[0] is { Protocol.IsAll: true, Peer: CidrPeer { Cidr: var cidr }, Description: null } && cidr == Cidr.AnyV4;
    }

    private static SecurityGroupRule AllTrafficTo(Transaction tx, Cidr destination) =>
        new(new SecurityGroupRuleId(tx.NewId(IdPrefixes.SecurityGroupRule)), true, IpProtocol.All, -1, -1, new CidrPeer(destination), null);
}
