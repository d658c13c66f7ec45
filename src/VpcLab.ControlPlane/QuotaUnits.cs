using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>How resources count against the per-resource quotas of <see cref="Ec2Quotas"/>, as AWS counts them
/// (docs/semantics.md#quota-units): a security group rule per direction and per family, a rule naming a group
/// in both families, a prefix list as its maximum size (customer-managed) or its weight (AWS-managed), in
/// security group rules and in routes alike.</summary>
internal static class QuotaUnits
{
    /// <summary>AWS (working-with-aws-managed-prefix-lists, "weight"): the S3 and DynamoDB lists weigh 1,
    /// CloudFront's origin-facing list 55, Ground Station's 5, EC2 Instance Connect's 2, S3 Express One Zone's 6,
    /// VPC Lattice's 10, Route 53 health checks' 25. AWS (amazon-vpc-limits, customer-managed prefix
    /// lists): a customer-managed list counts as its maximum number of entries, not its current entries.</summary>
    public static int PrefixListWeight(ManagedPrefixList list)
    {
        if (!list.IsAwsManaged)
            return list.MaxEntries;
        if (list.Name.EndsWith(".s3", StringComparison.Ordinal) || list.Name.EndsWith(".dynamodb", StringComparison.Ordinal))
            return 1;
        return list.Name switch
        {
            "com.amazonaws.global.cloudfront.origin-facing" => 55,
            "com.amazonaws.global.groundstation" => 5,
            _ when list.Name.EndsWith(".ec2-instance-connect", StringComparison.Ordinal) => 2,
            _ when list.Name.EndsWith(".s3express", StringComparison.Ordinal) => 6,
            _ when list.Name.EndsWith(".vpc-lattice", StringComparison.Ordinal) => 10,
            _ when list.Name.EndsWith(".route53-healthchecks", StringComparison.Ordinal) => 25,
            _ => list.MaxEntries, // choice: an AWS-managed list whose weight AWS does not publish counts as its size
        };
    }

    /// <summary>AWS (security-group-rules, "Security group size"; amazon-vpc-limits): a CIDR rule counts once in its
    /// family; a rule referencing a security group counts once against the IPv4 quota and once against the IPv6
    /// quota; a prefix-list rule counts its weight in the list's family.</summary>
    public static (int V4, int V6) Of(Network n, SecurityGroupRule rule) => rule.Peer switch
    {
        CidrPeer { Cidr.IsV6: true } => (0, 1),
        CidrPeer => (1, 0),
        SecurityGroupPeer => (1, 1),
        PrefixListPeer p when n.PrefixLists.TryGetValue(p.PrefixListId, out var list) =>
            list.AddressFamily == IpFamily.V6 ? (0, PrefixListWeight(list)) : (PrefixListWeight(list), 0),
        _ => (1, 0),
    };

    /// <summary>AWS (amazon-vpc-limits): inbound and outbound rules are limited separately, and within each, IPv4 and
    /// IPv6 rules separately; RulesPerSecurityGroupLimitExceeded, nothing changed, when <paramref name="group"/> as it
    /// would be stored is over the quota.</summary>
    public static void CheckSecurityGroupRules(Transaction tx, SecurityGroup group)
    {
        foreach (var egress in new[] { false, true })
        {
            int v4 = 0, v6 = 0;
            foreach (var rule in group.Rules.Where(r => r.IsEgress == egress))
            {
                var (a, b) = Of(tx.N, rule);
                v4 += a;
                v6 += b;
            }
            if (v4 > tx.Quotas.RulesPerSecurityGroup || v6 > tx.Quotas.RulesPerSecurityGroup)
                throw SecurityGroupErrors.RulesPerSecurityGroupLimitExceeded();
        }
    }

    /// <summary>The family a route's destination belongs to: its CIDR's, or its prefix list's.</summary>
    public static IpFamily FamilyOf(Network n, RouteDestination destination) =>
        destination.Cidr?.Family ?? (n.PrefixLists.TryGetValue(destination.PrefixListId!.Value, out var pl) ? pl.AddressFamily : IpFamily.V4);

    /// <summary>AWS (amazon-vpc-limits, route tables): the non-propagated routes of a table, per family (local
    /// routes are the table's own and do not count, choice); a prefix-list destination counts its weight.</summary>
    public static int Routes(Network n, RouteTable table, IpFamily family) =>
        table.Routes.Where(r => r.Origin == RouteOrigin.CreateRoute && FamilyOf(n, r.Destination) == family)
            .Sum(r => r.Destination.PrefixListId is { } id && n.PrefixLists.TryGetValue(id, out var list) ? PrefixListWeight(list) : 1);

    /// <summary>RouteLimitExceeded, nothing changed, when <paramref name="table"/> as it would be stored is over the
    /// routes-per-table quota in either family.</summary>
    public static void CheckRoutes(Transaction tx, RouteTable table)
    {
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            if (Routes(tx.N, table, family) > tx.Quotas.RoutesPerRouteTable)
                throw RouteTableErrors.RouteLimitExceeded(table.Id.Value);
        }
    }
}
