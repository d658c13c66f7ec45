using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>An AWS-managed prefix list seeded per Region (com.amazonaws.&lt;region&gt;.s3, .ipv6.s3, .dynamodb): the
/// CIDRs of one address family, as every managed prefix list holds.</summary>
public sealed record AwsManagedPrefixListInfo(string Id, string Name, ImmutableArray<Cidr> Cidrs)
{
    /// <summary>The list's one address family: that of its CIDRs.</summary>
    public IpFamily Family => Cidrs.IsEmpty ? IpFamily.V4 : Cidrs[0].Family;

    /// <summary>The list as the world holds it: owner AWS, weight 1 (MaxEntries = its size), version 1.</summary>
    public ManagedPrefixList ToManagedPrefixList(string region) =>
        new(new PrefixListId(Id), ManagedPrefixList.AwsOwner, region, Name, Family,
            [.. Cidrs.Select(c => new PrefixListEntry(c, null))], Cidrs.Length, 1);
}
