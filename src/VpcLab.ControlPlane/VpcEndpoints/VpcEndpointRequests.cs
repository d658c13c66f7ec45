using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateVpcEndpoint: botocore's input members (RouteTableId.N on the wire is <see cref="RouteTableIds"/>).
/// SubnetConfigurations, ServiceNetworkArn and ResourceConfigurationArn are not modelled; a ServiceRegion other than
/// the caller's makes a cross-Region interface endpoint to a provider's service (docs/semantics.md#cross-region-privatelink).</summary>
public sealed record CreateVpcEndpointRequest
{
    public bool? DryRun { get; init; }
    public string? VpcEndpointType { get; init; }
    public string? VpcId { get; init; }
    public string? ServiceName { get; init; }
    public string? PolicyDocument { get; init; }
    public IReadOnlyList<string>? RouteTableIds { get; init; }
    public IReadOnlyList<string>? SubnetIds { get; init; }
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }
    public string? IpAddressType { get; init; }
    public DnsOptionsSpecification? DnsOptions { get; init; }
    public string? ClientToken { get; init; }
    public bool? PrivateDnsEnabled { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public string? ServiceRegion { get; init; }
}

/// <summary>DnsOptions of Create/ModifyVpcEndpoint.</summary>
public sealed record DnsOptionsSpecification
{
    public string? DnsRecordIpType { get; init; }
    public bool? PrivateDnsOnlyForInboundResolverEndpoint { get; init; }
}

public sealed record CreateVpcEndpointResult(VpcEndpoint VpcEndpoint, string? ClientToken);

public sealed record ModifyVpcEndpointRequest
{
    public bool? DryRun { get; init; }
    public string? VpcEndpointId { get; init; }
    public bool? ResetPolicy { get; init; }
    public string? PolicyDocument { get; init; }
    public IReadOnlyList<string>? AddRouteTableIds { get; init; }
    public IReadOnlyList<string>? RemoveRouteTableIds { get; init; }
    public IReadOnlyList<string>? AddSubnetIds { get; init; }
    public IReadOnlyList<string>? RemoveSubnetIds { get; init; }
    public IReadOnlyList<string>? AddSecurityGroupIds { get; init; }
    public IReadOnlyList<string>? RemoveSecurityGroupIds { get; init; }
    public string? IpAddressType { get; init; }
    public DnsOptionsSpecification? DnsOptions { get; init; }
    public bool? PrivateDnsEnabled { get; init; }
}

/// <summary>ModifyVpcEndpoint answers <c>return</c> true; the endpoint as it now is comes along for callers in process.</summary>
public sealed record ModifyVpcEndpointResult(VpcEndpoint VpcEndpoint);

/// <summary>DescribeVpcEndpoints: VpcEndpointId.N, Filter.N. MaxResults and NextToken are the server's (paging is
/// done once for every Describe*).</summary>
public sealed record DescribeVpcEndpointsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<string>? VpcEndpointIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
}

/// <summary>The endpoints, each with the DNS entries AWS lists for it (regional, zonal, then the private DNS name).</summary>
public sealed record DescribeVpcEndpointsResult(IReadOnlyList<VpcEndpointView> VpcEndpoints);

/// <summary>An endpoint with what Describe shows beside the stored record: its DNS entries and its groups' names.</summary>
public sealed record VpcEndpointView(VpcEndpoint Endpoint, IReadOnlyList<VpcEndpointDnsEntry> DnsEntries, IReadOnlyList<(SecurityGroupId Id, string Name)> Groups);

public sealed record DeleteVpcEndpointsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<string>? VpcEndpointIds { get; init; }
}

/// <summary>Endpoints refused one by one (AWS's partial success); the others are deleted.</summary>
public sealed record DeleteVpcEndpointsResult(IReadOnlyList<UnsuccessfulItem> Unsuccessful);
