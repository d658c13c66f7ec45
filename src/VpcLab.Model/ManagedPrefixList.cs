using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A named set of CIDRs of one family (pl-…) that routes and security group rules may name instead of
/// a CIDR. AWS-managed lists (owner "AWS") hold a service's public ranges, such as S3's in a Region.</summary>
public sealed record ManagedPrefixList(
    PrefixListId Id, string OwnerId, string Region, string Name, IpFamily AddressFamily,
    ImmutableArray<PrefixListEntry> Entries, int MaxEntries, long Version)
{
    public const string AwsOwner = "AWS";

    public bool IsAwsManaged => OwnerId == AwsOwner;

    /// <summary>The name of an AWS service's managed list of one family: com.amazonaws.REGION.SERVICE for IPv4 and
    /// com.amazonaws.REGION.ipv6.SERVICE for IPv6, the pattern AWS's managed-prefix-list page uses for its IPv6 lists
    /// (com.amazonaws.REGION.ipv6.ec2-instance-connect, .ipv6.route53-healthchecks, .ipv6.vpc-lattice;
    /// docs/semantics.md#gateway-endpoint-ipv6). A list has one address family, so a service with IPv6 ranges has two.</summary>
    public static string AwsServiceListName(string region, string service, IpFamily family) =>
        family == IpFamily.V4 ? $"com.amazonaws.{region}.{service}" : $"com.amazonaws.{region}.ipv6.{service}";
}
