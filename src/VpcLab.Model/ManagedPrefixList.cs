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
}
