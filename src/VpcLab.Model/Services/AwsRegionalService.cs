using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One AWS service in one Region as <c>DescribeVpcEndpointServices</c> shows it: one entry per endpoint
/// type (S3 appears twice, Gateway and Interface).</summary>
public sealed record AwsRegionalService(
    string ServiceName,
    string ShortName,
    string Region,
    AwsServiceEndpointType EndpointType,
    string PublicDnsName,
    string BaseEndpointDnsName,
    string? PrivateDnsName,
    ImmutableArray<AvailabilityZone> Zones,
    ImmutableArray<Cidr> PublicRanges)
{
    /// <summary>AWS services are owned by "amazon" (the spec marks the literal unconfirmed).</summary>
    public const string AmazonOwner = "amazon";

    public string Owner => AmazonOwner;
}
