using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>The public addresses AWS services answer on. VpcLab's defaults are simulated: fixed, documented ranges
/// shaped like AWS's (several are real S3/DynamoDB/EC2 prefixes), stable across releases, and replaceable. Flow logs
/// name the service of a public address (<c>pkt-src-aws-service</c>); where ranges overlap, the longest prefix
/// wins, so one code is shown, as on AWS.</summary>
public sealed class AwsIpRanges
{
    private readonly LongestPrefixMatchTable<AwsIpRange> _table;

    public AwsIpRanges(IEnumerable<AwsIpRange> ranges)
    {
        Ranges = [.. ranges];
        _table = new LongestPrefixMatchTable<AwsIpRange>(Ranges.Select(r => (r.Prefix, r)));
    }

    public ImmutableArray<AwsIpRange> Ranges { get; }

    /// <summary>The range holding an address, or null for an address that is not AWS's.</summary>
    public AwsIpRange? Find(IpAddress address) => _table.TryLookup(address, out var range, out _) ? range : null;

    /// <summary>The Regions whose S3, DynamoDB and EC2 ranges are simulated from their index here: S3
    /// <c>52.95.k.0/24</c>, DynamoDB <c>52.94.(100 + k).0/24</c>, EC2 <c>15.(8k).0.0/13</c> — stable, disjoint from the
    /// real-shaped ranges below and from the documentation ranges that scenarios use as "the internet".</summary>
    public static readonly ImmutableArray<string> SimulatedRegions =
    [
        "ca-central-1", "sa-east-1", "eu-west-2", "eu-west-3", "eu-north-1", "ap-south-1", "ap-northeast-2",
        "ap-northeast-3", "ap-southeast-2", "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3",
        "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2",
        "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
    ];

    /// <summary>The one table of simulated public ranges: the AWS-managed prefix lists of S3 and DynamoDB in each
    /// Region are built from it (so a prefix list route and <c>pkt-dst-aws-service</c> always agree), and each Region's
    /// EC2 range is the pool its public IPv4 addresses come from.</summary>
    public static readonly AwsIpRanges Default = new(
    [
        .. Region("us-east-1", s3: ["3.5.0.0/19", "16.182.0.0/16", "52.216.0.0/15", "52.95.128.0/21", "54.231.0.0/17"],
            dynamodb: ["3.218.180.0/22", "52.94.0.0/22", "52.119.224.0/20"], ec2: "3.80.0.0/12"),
        .. Region("us-east-2", s3: ["3.5.128.0/22", "52.219.80.0/20", "52.92.76.0/22"],
            dynamodb: ["3.218.0.0/24", "52.94.4.0/24"], ec2: "18.216.0.0/14"),
        .. Region("us-west-1", s3: ["3.5.160.0/22", "52.219.20.0/22", "54.231.232.0/21"],
            dynamodb: ["52.94.12.0/24"], ec2: "54.176.0.0/15"),
        .. Region("us-west-2", s3: ["3.5.76.0/22", "3.5.80.0/21", "52.218.128.0/17", "52.92.128.0/17"],
            dynamodb: ["52.94.8.0/24", "52.94.10.0/24", "52.119.240.0/21"], ec2: "34.208.0.0/12"),
        .. Region("eu-west-1", s3: ["3.5.64.0/21", "52.218.0.0/17", "52.92.40.0/21"],
            dynamodb: ["52.94.5.0/24", "52.94.24.0/23", "52.119.248.0/21"], ec2: "34.240.0.0/13"),
        .. Region("eu-central-1", s3: ["3.5.134.0/23", "52.219.0.0/20", "52.219.140.0/22", "52.219.168.0/21"],
            dynamodb: ["52.94.17.0/24"], ec2: "3.120.0.0/14"),
        .. Region("ap-southeast-1", s3: ["3.5.146.0/23", "52.219.32.0/20", "52.219.128.0/22", "54.231.244.0/22"],
            dynamodb: ["52.94.13.0/24"], ec2: "13.228.0.0/15"),
        .. Region("ap-northeast-1", s3: ["3.5.152.0/21", "52.219.64.0/20", "54.231.224.0/21"],
            dynamodb: ["52.94.11.0/24"], ec2: "13.112.0.0/14"),
        .. SimulatedRegions.SelectMany((region, k) => Region(region,
            s3: [$"52.95.{k}.0/24"], dynamodb: [$"52.94.{100 + k}.0/24"], ec2: $"15.{8 * k}.0.0/13")),
        .. SimulatedInterfaceServiceRanges(),
        .. S3Ipv6Ranges(),
        // The global AWS-managed prefix lists' services (working-with-aws-managed-prefix-lists): CloudFront's
        // origin-facing servers (two of the ranges AWS lists for them) and Ground Station (simulated).
        new(Cidr.Parse("130.176.0.0/18"), Global, "CLOUDFRONT"),
        new(Cidr.Parse("64.252.64.0/18"), Global, "CLOUDFRONT"),
        new(Cidr.Parse("52.48.240.0/24"), Global, "GROUNDSTATION"),
    ]);

    /// <summary>The Region of a global service's ranges (ip-ranges.json's "GLOBAL").</summary>
    public const string Global = "GLOBAL";


    /// <summary>The prefixes of one service code in one Region, in table order (IPv4 first).</summary>
    public ImmutableArray<Cidr> PrefixesOf(string region, string service) =>
        [.. Ranges.Where(r => r.Region == region && r.Service == service).Select(r => r.Prefix)];

    /// <summary>The prefixes of one service code in one Region of one address family, in table order.</summary>
    public ImmutableArray<Cidr> PrefixesOf(string region, string service, IpFamily family) =>
        [.. Ranges.Where(r => r.Region == region && r.Service == service && r.Prefix.Family == family).Select(r => r.Prefix)];

    private static IEnumerable<AwsIpRange> Region(string region, string[] s3, string[] dynamodb, string ec2) =>
        s3.Select(c => new AwsIpRange(Cidr.Parse(c), region, "S3"))
            .Concat(dynamodb.Select(c => new AwsIpRange(Cidr.Parse(c), region, "DYNAMODB")))
            .Append(new AwsIpRange(Cidr.Parse(ec2), region, "EC2"));

    /// <summary>The Regions in the order the simulated per-Region ranges below are numbered: the eight with
    /// real-shaped ranges, then <see cref="SimulatedRegions"/>.</summary>
    private static string[] IndexedRegions => [
        "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "us-east-2", "us-west-1", "ap-northeast-1",
        .. SimulatedRegions,
    ];

    /// <summary>S3's IPv6 ranges (docs/semantics.md#gateway-endpoint-ipv6), code S3 like its IPv4 ones, so flow logs
    /// name the service either way. Simulated, stable, in the area AWS publishes S3's IPv6 prefixes in
    /// (2600:1fa0::/24): one /40 per Region, <c>2600:1fa0:RR00::/40</c> for the Region index RR (hex) in
    /// <see cref="IndexedRegions"/>; disjoint from every Region's VPC IPv6 pool. They go to S3's IPv6 prefix list
    /// (com.amazonaws.REGION.ipv6.s3), never to its IPv4 one: a managed prefix list has one address family.
    /// Listed after the IPv4 ranges, so a service's first prefix stays IPv4.</summary>
    private static IEnumerable<AwsIpRange> S3Ipv6Ranges()
    {
        var regions = IndexedRegions;
        for (var r = 0; r < regions.Length; r++)
            yield return new(Cidr.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"2600:1fa0:{r:x2}00::/40")), regions[r], "S3");
    }

    /// <summary>Services reached only through interface endpoints (SNS, SQS, STS, KMS, SSM, SECRETSMANAGER, LOGS), and
    /// the Regional services with an AWS-managed prefix list but no gateway endpoint (EC2_INSTANCE_CONNECT,
    /// ROUTE53_HEALTHCHECKS, VPC_LATTICE, S3EXPRESS). Simulated, stable: one /24 each, <c>52.(46 + r / 16).(16 × (r mod 16) + service index).0/24</c> for the
    /// region index r in the order below (on AWS such addresses sit in 52.46.0.0/18, listed as AMAZON; the lab gives
    /// each service its own code so a flow log names it).</summary>
    private static IEnumerable<AwsIpRange> SimulatedInterfaceServiceRanges()
    {
        var regions = IndexedRegions;
        string[] services = ["SNS", "SQS", "STS", "KMS", "SSM", "SECRETSMANAGER", "LOGS",
            "EC2_INSTANCE_CONNECT", "ROUTE53_HEALTHCHECKS", "VPC_LATTICE", "S3EXPRESS"]; // at most 16
        for (var r = 0; r < regions.Length; r++)
            for (var s = 0; s < services.Length; s++)
                yield return new(Cidr.Parse($"52.{46 + r / 16}.{16 * (r % 16) + s}.0/24"), regions[r], services[s]);
    }
}
