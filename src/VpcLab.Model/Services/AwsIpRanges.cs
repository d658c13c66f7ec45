using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One public address range of an AWS service in a Region, as ip-ranges.json lists it
/// (service codes such as S3, DYNAMODB, EC2, AMAZON).</summary>
public sealed record AwsIpRange(Cidr Prefix, string Region, string Service);

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

    public static readonly AwsIpRanges Default = new(
    [
        new(Cidr.Parse("52.216.0.0/15"), "us-east-1", "S3"),
        new(Cidr.Parse("52.95.128.0/21"), "us-east-1", "S3"),
        new(Cidr.Parse("52.94.0.0/22"), "us-east-1", "DYNAMODB"),
        new(Cidr.Parse("3.80.0.0/12"), "us-east-1", "EC2"),
        new(Cidr.Parse("52.218.128.0/17"), "us-west-2", "S3"),
        new(Cidr.Parse("52.94.8.0/24"), "us-west-2", "DYNAMODB"),
        new(Cidr.Parse("34.208.0.0/12"), "us-west-2", "EC2"),
        new(Cidr.Parse("52.218.0.0/17"), "eu-west-1", "S3"),
        new(Cidr.Parse("52.94.24.0/23"), "eu-west-1", "DYNAMODB"),
        new(Cidr.Parse("34.240.0.0/13"), "eu-west-1", "EC2"),
        new(Cidr.Parse("52.219.0.0/20"), "eu-central-1", "S3"),
        new(Cidr.Parse("52.94.17.0/24"), "eu-central-1", "DYNAMODB"),
        new(Cidr.Parse("3.120.0.0/14"), "eu-central-1", "EC2"),
        new(Cidr.Parse("52.219.32.0/20"), "ap-southeast-1", "S3"),
        new(Cidr.Parse("52.94.13.0/24"), "ap-southeast-1", "DYNAMODB"),
        new(Cidr.Parse("13.212.0.0/15"), "ap-southeast-1", "EC2"),
        new(Cidr.Parse("52.92.0.0/17"), "us-east-2", "S3"),
        new(Cidr.Parse("52.94.4.0/24"), "us-east-2", "DYNAMODB"),
        new(Cidr.Parse("3.128.0.0/15"), "us-east-2", "EC2"),
        .. SimulatedInterfaceServiceRanges(),
    ]);

    /// <summary>Services reached only through interface endpoints (SNS, SQS, STS, KMS, SSM, SECRETSMANAGER, LOGS).
    /// Simulated, stable: one /24 each, <c>52.46.(16 × region index + service index).0/24</c> in the order below
    /// (on AWS such addresses sit in 52.46.0.0/18, listed as AMAZON; the lab gives each service its own code so a
    /// flow log names it).</summary>
    private static IEnumerable<AwsIpRange> SimulatedInterfaceServiceRanges()
    {
        string[] regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "us-east-2"];
        string[] services = ["SNS", "SQS", "STS", "KMS", "SSM", "SECRETSMANAGER", "LOGS"];
        for (var r = 0; r < regions.Length; r++)
            for (var s = 0; s < services.Length; s++)
                yield return new(Cidr.Parse($"52.46.{16 * r + s}.0/24"), regions[r], services[s]);
    }
}
