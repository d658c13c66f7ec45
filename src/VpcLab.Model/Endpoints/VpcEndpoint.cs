using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A VPC endpoint (vpce-…) of one VPC to one AWS service. A gateway endpoint (S3, DynamoDB) has no
/// interface: it adds a route to the service's AWS-managed prefix list in each of <see cref="RouteTableIds"/>. An
/// interface endpoint (PrivateLink) is one requester-managed interface per subnet in <see cref="SubnetIds"/>
/// (<see cref="NetworkInterfaceIds"/>, same order), guarded by <see cref="Groups"/>, and may answer the service's
/// public DNS name inside the VPC (<see cref="PrivateDnsEnabled"/>). <see cref="PolicyDocument"/> is the endpoint
/// policy as the caller gave it (JSON text, already validated; AWS's full-access default when none was given).
/// <see cref="DnsSuffix"/> is the 8 random lower-case alphanumerics AWS puts in the endpoint's DNS names
/// (vpce-ID-SUFFIX.SERVICE.REGION.vpce.amazonaws.com), stable for the endpoint's life. <see cref="ServiceRegion"/> is
/// the Region of a provider's service in another Region (cross-Region PrivateLink), null for the endpoint's own.</summary>
public sealed record VpcEndpoint(
    VpcEndpointId Id, AccountId OwnerId, string Region, VpcId VpcId, string ServiceName, VpcEndpointType Type,
    VpcEndpointState State, string PolicyDocument,
    ImmutableArray<RouteTableId> RouteTableIds, ImmutableArray<SubnetId> SubnetIds,
    ImmutableArray<SecurityGroupId> Groups, ImmutableArray<NetworkInterfaceId> NetworkInterfaceIds,
    bool PrivateDnsEnabled, VpcEndpointIpAddressType IpAddressType, VpcEndpointDnsRecordIpType DnsRecordIpType,
    string DnsSuffix, DateTimeOffset CreationTimestamp)
{
    /// <summary>The Region of the service, when it is not the endpoint's own (docs/semantics.md#cross-region-privatelink).</summary>
    public string? ServiceRegion { get; init; }

    /// <summary>CreateVpcEndpoint's ServiceRegion as Describe shows it: the service's Region, by default the endpoint's.</summary>
    public string ServiceRegionName => ServiceRegion ?? Region;

    /// <summary>An interface endpoint to a service hosted in another Region.</summary>
    public bool IsCrossRegion => ServiceRegion is { } r && r != Region;

    public bool IsGateway => Type == VpcEndpointType.Gateway;

    public bool IsInterface => Type == VpcEndpointType.Interface;

    /// <summary>Only an available endpoint carries traffic (a gateway endpoint's routes are blackholes otherwise).</summary>
    public bool IsAvailable => State == VpcEndpointState.Available;
}
