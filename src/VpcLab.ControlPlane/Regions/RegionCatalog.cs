using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>What the lab knows of one Region: its zones, the IPv6 pool Amazon-provided /56s come from, the
/// public IPv4 pool Elastic and auto-assigned public IPs come from, and the AWS-managed prefix lists.</summary>
public sealed record RegionInfo(
    string Name, ImmutableArray<AvailabilityZone> Zones, Cidr Ipv6Pool, Cidr PublicIpv4Pool,
    ImmutableArray<AwsManagedPrefixListInfo> ManagedPrefixLists);

/// <summary>An AWS-managed prefix list seeded per Region (com.amazonaws.&lt;region&gt;.s3, .dynamodb).</summary>
public sealed record AwsManagedPrefixListInfo(string Id, string Name, ImmutableArray<Cidr> Cidrs);

/// <summary>The Regions the lab knows by default, with AWS's real zone names and zone ids.
/// Choice (docs/semantics.md#zones): every account sees the same name → zone-id mapping.</summary>
public static class RegionCatalog
{
    public static RegionInfo Make(string name, string zoneIdPrefix, string zoneLetters, string ipv6Pool, string publicPool,
        string s3Id, string[] s3, string dynamoId, string[] dynamo)
    {
        var zones = zoneLetters.Select((letter, i) =>
            new AvailabilityZone($"{name}{letter}", $"{zoneIdPrefix}-az{i + 1}", name)).ToImmutableArray();
        return new RegionInfo(name, zones, Cidr.Parse(ipv6Pool), Cidr.Parse(publicPool),
        [
            new AwsManagedPrefixListInfo(s3Id, $"com.amazonaws.{name}.s3", [.. s3.Select(Cidr.Parse)]),
            new AwsManagedPrefixListInfo(dynamoId, $"com.amazonaws.{name}.dynamodb", [.. dynamo.Select(Cidr.Parse)]),
        ]);
    }

    /// <summary>us-east-1 (a–f), us-east-2, us-west-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1,
    /// ap-northeast-1. IPv6 pools are the /32s AWS allocates VPC /56s from in each Region (2600:1f18::/32 for
    /// us-east-1); public IPv4 pools are ranges AWS uses for EC2 in that Region, disjoint from the S3 and
    /// DynamoDB prefix lists.</summary>
    public static readonly ImmutableArray<RegionInfo> Default =
    [
        Make("us-east-1", "use1", "abcdef", "2600:1f18::/32", "3.80.0.0/12",
            "pl-63a5400a", ["3.5.0.0/19", "16.182.0.0/16", "52.216.0.0/15", "54.231.0.0/16"],
            "pl-02cd2c6b", ["3.218.180.0/22", "52.94.0.0/22", "52.119.224.0/20"]),
        Make("us-east-2", "use2", "abc", "2600:1f16::/32", "18.216.0.0/14",
            "pl-7ba54012", ["3.5.128.0/21", "52.219.80.0/20", "52.92.76.0/22"],
            "pl-4ca54025", ["3.218.0.0/24", "52.94.4.0/24"]),
        Make("us-west-1", "usw1", "ac", "2600:1f1c::/32", "54.176.0.0/15",
            "pl-6ba54002", ["3.5.160.0/22", "52.219.20.0/22", "54.231.232.0/21"],
            "pl-6ea54107", ["52.94.12.0/24"]),
        Make("us-west-2", "usw2", "abcd", "2600:1f14::/32", "34.208.0.0/12",
            "pl-68a54001", ["3.5.76.0/22", "3.5.80.0/21", "52.218.128.0/17", "52.92.128.0/17"],
            "pl-00a54069", ["52.94.10.0/24", "52.119.240.0/21"]),
        Make("eu-west-1", "euw1", "abc", "2a05:d018::/32", "34.240.0.0/13",
            "pl-6da54004", ["3.5.64.0/21", "52.218.0.0/17", "52.92.40.0/21"],
            "pl-6fa54006", ["52.94.5.0/24", "52.119.240.0/21"]),
        Make("eu-central-1", "euc1", "abc", "2a05:d014::/32", "3.120.0.0/14",
            "pl-6ea54007", ["3.5.134.0/23", "52.219.140.0/22", "52.219.168.0/21"],
            "pl-66a5400f", ["52.94.17.0/24"]),
        Make("ap-southeast-1", "apse1", "abc", "2406:da18::/32", "13.228.0.0/15",
            "pl-6fa54116", ["3.5.146.0/23", "52.219.128.0/22", "54.231.244.0/22"],
            "pl-67a5400e", ["52.94.13.0/24"]),
        Make("ap-northeast-1", "apne1", "acd", "2406:da14::/32", "13.112.0.0/14",
            "pl-61a54008", ["3.5.152.0/21", "52.219.0.0/20", "54.231.224.0/21"],
            "pl-78a54011", ["52.94.11.0/24"]),
    ];
}
