using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The Regions the lab knows by default, with AWS's real zone names and zone ids.
/// Choice (docs/semantics.md#zones): every account sees the same name → zone-id mapping.</summary>
public static class RegionCatalog
{
    /// <summary>A Region of the catalog. The S3 and DynamoDB prefix lists hold exactly the ranges
    /// <see cref="AwsIpRanges.Default"/> gives those services in the Region, so routing and flow logs agree.</summary>
    public static RegionInfo Make(string name, string zoneIdPrefix, string zoneLetters, string ipv6Pool, string s3Id, string dynamoId)
    {
        var zones = zoneLetters.Select((letter, i) =>
            new AvailabilityZone($"{name}{letter}", $"{zoneIdPrefix}-az{i + 1}", name)).ToImmutableArray();
        var ranges = AwsIpRanges.Default;
        return new RegionInfo(name, zones, Cidr.Parse(ipv6Pool), ranges.PrefixesOf(name, "EC2").Single(),
        [
            new AwsManagedPrefixListInfo(s3Id, $"com.amazonaws.{name}.s3", ranges.PrefixesOf(name, "S3")),
            new AwsManagedPrefixListInfo(dynamoId, $"com.amazonaws.{name}.dynamodb", ranges.PrefixesOf(name, "DYNAMODB")),
        ]);
    }

    /// <summary>us-east-1 (a–f), us-east-2, us-west-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1,
    /// ap-northeast-1. IPv6 pools are the /32s AWS allocates VPC /56s from in each Region (2600:1f18::/32 for
    /// us-east-1); the public IPv4 pool is the Region's EC2 range in <see cref="AwsIpRanges.Default"/>, disjoint
    /// from the S3 and DynamoDB prefix lists.</summary>
    public static readonly ImmutableArray<RegionInfo> Default =
    [
        Make("us-east-1", "use1", "abcdef", "2600:1f18::/32", "pl-63a5400a", "pl-02cd2c6b"),
        Make("us-east-2", "use2", "abc", "2600:1f16::/32", "pl-7ba54012", "pl-4ca54025"),
        Make("us-west-1", "usw1", "ac", "2600:1f1c::/32", "pl-6ba54002", "pl-6ea54107"),
        Make("us-west-2", "usw2", "abcd", "2600:1f14::/32", "pl-68a54001", "pl-00a54069"),
        Make("eu-west-1", "euw1", "abc", "2a05:d018::/32", "pl-6da54004", "pl-6fa54006"),
        Make("eu-central-1", "euc1", "abc", "2a05:d014::/32", "pl-6ea54007", "pl-66a5400f"),
        Make("ap-southeast-1", "apse1", "abc", "2406:da18::/32", "pl-6fa54116", "pl-67a5400e"),
        Make("ap-northeast-1", "apne1", "acd", "2406:da14::/32", "pl-61a54008", "pl-78a54011"),
    ];
}
