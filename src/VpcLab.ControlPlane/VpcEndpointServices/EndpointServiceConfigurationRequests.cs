using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateVpcEndpointServiceConfiguration: botocore's input members (NetworkLoadBalancerArn.N on the wire is
/// <see cref="NetworkLoadBalancerArns"/>).</summary>
public sealed record CreateVpcEndpointServiceConfigurationRequest
{
    public bool? DryRun { get; init; }
    public bool? AcceptanceRequired { get; init; }
    public string? PrivateDnsName { get; init; }
    public IReadOnlyList<string>? NetworkLoadBalancerArns { get; init; }
    public IReadOnlyList<string>? GatewayLoadBalancerArns { get; init; }
    public IReadOnlyList<string>? SupportedIpAddressTypes { get; init; }
    public IReadOnlyList<string>? SupportedRegions { get; init; }
    public string? ClientToken { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
}

/// <summary>The new service as Describe shows it, and the caller's token.</summary>
public sealed record CreateVpcEndpointServiceConfigurationResult(EndpointServiceView ServiceConfiguration, string? ClientToken);

public sealed record DescribeVpcEndpointServiceConfigurationsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<string>? ServiceIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
}

public sealed record DescribeVpcEndpointServiceConfigurationsResult(IReadOnlyList<EndpointServiceView> ServiceConfigurations);

public sealed record ModifyVpcEndpointServiceConfigurationRequest
{
    public bool? DryRun { get; init; }
    public string? ServiceId { get; init; }
    public string? PrivateDnsName { get; init; }
    public bool? RemovePrivateDnsName { get; init; }
    public bool? AcceptanceRequired { get; init; }
    public IReadOnlyList<string>? AddNetworkLoadBalancerArns { get; init; }
    public IReadOnlyList<string>? RemoveNetworkLoadBalancerArns { get; init; }
    public IReadOnlyList<string>? AddGatewayLoadBalancerArns { get; init; }
    public IReadOnlyList<string>? RemoveGatewayLoadBalancerArns { get; init; }
    public IReadOnlyList<string>? AddSupportedIpAddressTypes { get; init; }
    public IReadOnlyList<string>? RemoveSupportedIpAddressTypes { get; init; }
    public IReadOnlyList<string>? AddSupportedRegions { get; init; }
    public IReadOnlyList<string>? RemoveSupportedRegions { get; init; }
}

/// <summary>Modify answers <c>return</c> true; the service as it now is comes along for callers in process.</summary>
public sealed record ModifyVpcEndpointServiceConfigurationResult(VpcEndpointServiceConfiguration Service);

public sealed record DeleteVpcEndpointServiceConfigurationsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<string>? ServiceIds { get; init; }
}

public sealed record DeleteVpcEndpointServiceConfigurationsResult(IReadOnlyList<UnsuccessfulItem> Unsuccessful);

public sealed record StartVpcEndpointServicePrivateDnsVerificationRequest
{
    public bool? DryRun { get; init; }
    public string? ServiceId { get; init; }
}

public sealed record StartVpcEndpointServicePrivateDnsVerificationResult(VpcEndpointServiceConfiguration Service);

/// <summary>A service as DescribeVpcEndpointServiceConfigurations shows it: the stored record, its Availability
/// Zones (names and ids, from its load balancers' nodes) and its state (Available while it has a load balancer).</summary>
public sealed record EndpointServiceView(VpcEndpointServiceConfiguration Service, IReadOnlyList<AvailabilityZone> Zones);
