using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>One AWS service a VPC endpoint can reach, independent of Region: its short name (the last label of
/// <c>com.amazonaws.REGION.SERVICE</c>), the endpoint types it accepts, the ip-ranges.json service code its public
/// addresses carry (S3, DYNAMODB, EC2, or a simulated code), and whether interface endpoints get a private DNS name.</summary>
public sealed record AwsServiceDefinition(
    string ShortName, ImmutableArray<AwsServiceEndpointType> EndpointTypes, string IpRangesCode, bool PrivateDnsSupported)
{
    /// <summary>Whether its interface endpoints accept IPv6 requests (IpAddressType ipv6 or dualstack). Choice
    /// (docs/semantics.md#endpoint-ip-address-types): true for every catalogued service; false lets a test model a
    /// service that accepts IPv4 only.</summary>
    public bool Ipv6Supported { get; init; } = true;
}
