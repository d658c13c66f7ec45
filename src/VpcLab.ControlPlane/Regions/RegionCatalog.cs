using System.Collections.Immutable;
using System.Globalization;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The Regions the lab knows by default: every commercial Region AWS lists, with its zone names and zone
/// ids, and the opt-in Regions marked as AWS marks them (docs/semantics.md#regions). The zone names here are the default
/// account's; each account's own names come from <see cref="ZoneNameMapping"/> (docs/semantics.md#zones).</summary>
public static class RegionCatalog
{
    /// <summary>A Region of the catalog. <paramref name="zones"/> lists each zone as its letter and the number of
    /// its AZ id ("a4 c1 d2": ap-northeast-1a is apne1-az4). The S3 and DynamoDB prefix lists hold exactly the
    /// ranges <see cref="AwsIpRanges.Default"/> gives those services in the Region, so routing and flow logs
    /// agree; a managed prefix list has one address family, so S3's IPv6 ranges make a list of their own,
    /// com.amazonaws.REGION.ipv6.s3 (<paramref name="s3Ipv6Id"/>, docs/semantics.md#gateway-endpoint-ipv6).</summary>
    public static RegionInfo Make(string name, string zoneIdPrefix, string zones, string ipv6Pool, string s3Id, string dynamoId,
        string s3Ipv6Id, bool optIn = false)
    {
        var azs = zones.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(z => new AvailabilityZone($"{name}{z[0]}", $"{zoneIdPrefix}-az{z[1..]}", name)).ToImmutableArray();
        var ranges = AwsIpRanges.Default;
        return new RegionInfo(name, azs, Cidr.Parse(ipv6Pool), ranges.PrefixesOf(name, "EC2").Single(),
        [
            .. List(s3Id, name, "s3", "S3", IpFamily.V4),
            .. List(dynamoId, name, "dynamodb", "DYNAMODB", IpFamily.V4),
            .. List(s3Ipv6Id, name, "s3", "S3", IpFamily.V6),
            .. OtherServiceLists.Select(l => new AwsManagedPrefixListInfo(ServiceListId(name, l.Name),
                l.Name.Replace("{region}", name, StringComparison.Ordinal), ranges.PrefixesOf(l.Global ? AwsIpRanges.Global : name, l.Code))),
        ], optIn);
    }

    /// <summary>The managed list of a service's ranges of one family in a Region, if the service has any there.</summary>
    private static IEnumerable<AwsManagedPrefixListInfo> List(string id, string region, string service, string code, IpFamily family)
    {
        var cidrs = AwsIpRanges.Default.PrefixesOf(region, code, family);
        if (!cidrs.IsEmpty)
            yield return new AwsManagedPrefixListInfo(id, ManagedPrefixList.AwsServiceListName(region, service, family), cidrs);
    }

    /// <summary>The other IPv4 AWS-managed prefix lists AWS lists (VPC User Guide, working-with-aws-managed-prefix-lists,
    /// "Available AWS-managed prefix lists"), in every Region of the lab (AWS offers some in fewer Regions; the page
    /// does not say which). Their IPv6 twins (<c>…ipv6.cloudfront.origin-facing</c>, <c>…ipv6.vpc-lattice</c>,
    /// <c>…ipv6.ec2-instance-connect</c>, <c>…ipv6.route53-healthchecks</c>) are not served yet
    /// (docs/compatibility.md). Entries: the service's ranges in <see cref="AwsIpRanges.Default"/>.</summary>
    private static readonly (string Name, string Code, bool Global)[] OtherServiceLists =
    [
        ("com.amazonaws.global.cloudfront.origin-facing", "CLOUDFRONT", true),
        ("com.amazonaws.global.groundstation", "GROUNDSTATION", true),
        ("com.amazonaws.{region}.ec2-instance-connect", "EC2_INSTANCE_CONNECT", false),
        ("com.amazonaws.{region}.route53-healthchecks", "ROUTE53_HEALTHCHECKS", false),
        ("com.amazonaws.{region}.s3express", "S3EXPRESS", false),
        ("com.amazonaws.{region}.vpc-lattice", "VPC_LATTICE", false),
    ];

    /// <summary>A stable simulated id per Region and list (FNV-1a of both names): AWS's own ids for these lists
    /// are not in a page the lab can cite.</summary>
    private static string ServiceListId(string region, string listName)
    {
        uint hash = 2166136261;
        foreach (var c in $"{region}|{listName}")
            hash = (hash ^ c) * 16777619;
        return string.Create(CultureInfo.InvariantCulture, $"pl-{hash:x8}");
    }

    /// <summary>The first eight Regions keep the IPv6 /32s AWS allocates VPC /56s from (2600:1f18::/32 for
    /// us-east-1) and their prefix-list ids; the others get simulated pools and ids in
    /// <see cref="SimulatedPool"/>. S3's IPv6 lists have simulated ids everywhere (pl-3ea54000 + catalog index): AWS
    /// publishes no id the lab can cite. Public IPv4 pools are each Region's EC2 range in
    /// <see cref="AwsIpRanges.Default"/>, disjoint from the S3 and DynamoDB prefix lists.</summary>
    public static readonly ImmutableArray<RegionInfo> Default =
    [
        Make("us-east-1", "use1", "a1 b2 c3 d4 e5 f6", "2600:1f18::/32", "pl-63a5400a", "pl-02cd2c6b", "pl-3ea54000"),
        Make("us-east-2", "use2", "a1 b2 c3", "2600:1f16::/32", "pl-7ba54012", "pl-4ca54025", "pl-3ea54001"),
        Make("us-west-1", "usw1", "a1 c3", "2600:1f1c::/32", "pl-6ba54002", "pl-6ea54107", "pl-3ea54002"),
        Make("us-west-2", "usw2", "a1 b2 c3 d4", "2600:1f14::/32", "pl-68a54001", "pl-00a54069", "pl-3ea54003"),
        Make("eu-west-1", "euw1", "a1 b2 c3", "2a05:d018::/32", "pl-6da54004", "pl-6fa54006", "pl-3ea54004"),
        Make("eu-central-1", "euc1", "a1 b2 c3", "2a05:d014::/32", "pl-6ea54007", "pl-66a5400f", "pl-3ea54005"),
        Make("ap-southeast-1", "apse1", "a1 b2 c3", "2406:da18::/32", "pl-6fa54116", "pl-67a5400e", "pl-3ea54006"),
        Make("ap-northeast-1", "apne1", "a4 c1 d2", "2406:da14::/32", "pl-61a54008", "pl-78a54011", "pl-3ea54007"),
        .. Simulated([
            ("ca-central-1", "cac1", "a1 b2 d4", false),
            ("sa-east-1", "sae1", "a1 b2 c3", false),
            ("eu-west-2", "euw2", "a1 b2 c3", false),
            ("eu-west-3", "euw3", "a1 b2 c3", false),
            ("eu-north-1", "eun1", "a1 b2 c3", false),
            ("ap-south-1", "aps1", "a1 b3 c2", false),
            ("ap-northeast-2", "apne2", "a1 b2 c3 d4", false),
            ("ap-northeast-3", "apne3", "a3 b1 c2", false),
            ("ap-southeast-2", "apse2", "a1 b3 c2", false),
            ("af-south-1", "afs1", "a1 b2 c3", true),
            ("ap-east-1", "ape1", "a1 b2 c3", true),
            ("ap-east-2", "ape2", "a1 b2 c3", true),
            ("ap-south-2", "aps2", "a1 b2 c3", true),
            ("ap-southeast-3", "apse3", "a1 b2 c3", true),
            ("ap-southeast-4", "apse4", "a1 b2 c3", true),
            ("ap-southeast-5", "apse5", "a1 b2 c3", true),
            ("ap-southeast-6", "apse6", "a1 b2 c3", true),
            ("ap-southeast-7", "apse7", "a1 b2 c3", true),
            ("ca-west-1", "caw1", "a1 b2 c3", true),
            ("eu-central-2", "euc2", "a1 b2 c3", true),
            ("eu-south-1", "eus1", "a1 b2 c3", true),
            ("eu-south-2", "eus2", "a1 b2 c3", true),
            ("il-central-1", "ilc1", "a1 b2 c3", true),
            ("me-central-1", "mec1", "a1 b2 c3", true),
            ("me-south-1", "mes1", "a1 b2 c3", true),
            ("mx-central-1", "mxc1", "a1 b2 c3", true),
        ]),
    ];

    /// <summary>The names of the Regions whose ranges and ids are simulated, in catalog order;
    /// <see cref="AwsIpRanges.Default"/> derives their public ranges from the same order.</summary>
    private static IEnumerable<RegionInfo> Simulated(IReadOnlyList<(string Name, string ZoneIdPrefix, string Zones, bool OptIn)> regions)
    {
        for (var k = 0; k < regions.Count; k++)
        {
            var (name, prefix, zones, optIn) = regions[k];
            yield return Make(name, prefix, zones, SimulatedPool(k), SimulatedListId(0x1ea54000, k), SimulatedListId(0x2ea54000, k),
                SimulatedListId(0x3ea54008, k), optIn);
        }
    }

    /// <summary>A /32 per simulated Region in 2600:1f40::/26 (AWS's own pools for these Regions are not
    /// listed in a page the lab can cite); disjoint from the eight pools above.</summary>
    private static string SimulatedPool(int k) => string.Create(CultureInfo.InvariantCulture, $"2600:{0x1f40 + k:x4}::/32");

    private static string SimulatedListId(int baseId, int k) => string.Create(CultureInfo.InvariantCulture, $"pl-{baseId + k:x8}");
}
