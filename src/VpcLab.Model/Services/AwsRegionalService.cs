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

    /// <summary>Whether the service accepts IPv6 requests through this endpoint type. A gateway entry does when the
    /// service has IPv6 ranges in the Region, hence an IPv6 prefix list: S3, not DynamoDB
    /// (docs/semantics.md#gateway-endpoint-ipv6).</summary>
    public bool Ipv6Supported { get; init; }

    /// <summary>Whether the service accepts IPv4 requests: AWS's services always do; a provider's endpoint service may
    /// support ipv6 only (docs/semantics.md#endpoint-service-ipv6).</summary>
    public bool Ipv4Supported { get; init; } = true;

    /// <summary>DescribeVpcEndpointServices' supportedIpAddressTypeSet: ipv4 and ipv6 as the service accepts them.</summary>
    public ImmutableArray<string> SupportedIpAddressTypes => (Ipv4Supported, Ipv6Supported) switch
    {
        (true, true) => ["ipv4", "ipv6"],
        (false, true) => ["ipv6"],
        _ => ["ipv4"],
    };
}
