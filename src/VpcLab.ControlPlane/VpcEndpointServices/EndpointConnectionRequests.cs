using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record ModifyVpcEndpointServicePermissionsRequest
{
    public bool? DryRun { get; init; }
    public string? ServiceId { get; init; }
    public IReadOnlyList<string>? AddAllowedPrincipals { get; init; }
    public IReadOnlyList<string>? RemoveAllowedPrincipals { get; init; }
}

/// <summary>The principals this call added (AddedPrincipals) with their service.</summary>
public sealed record ModifyVpcEndpointServicePermissionsResult(VpcEndpointServiceId ServiceId, IReadOnlyList<string> AddedPrincipals);

public sealed record DescribeVpcEndpointServicePermissionsRequest
{
    public bool? DryRun { get; init; }
    public string? ServiceId { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
}

public sealed record DescribeVpcEndpointServicePermissionsResult(IReadOnlyList<AllowedPrincipalView> AllowedPrincipals);

/// <summary>One allowed principal of one service.</summary>
public sealed record AllowedPrincipalView(string Principal, VpcEndpointServiceId ServiceId);

/// <summary>AcceptVpcEndpointConnections and RejectVpcEndpointConnections: one service, its endpoints by id.</summary>
public sealed record VpcEndpointConnectionsRequest
{
    public bool? DryRun { get; init; }
    public string? ServiceId { get; init; }
    public IReadOnlyList<string>? VpcEndpointIds { get; init; }
}

/// <summary>Endpoints refused one by one (AWS's partial success); the others changed state.</summary>
public sealed record VpcEndpointConnectionsResult(IReadOnlyList<UnsuccessfulItem> Unsuccessful);

public sealed record DescribeVpcEndpointConnectionsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
}

/// <summary>One consumer endpoint of one of the caller's services, with the DNS entries the consumer sees and the
/// service's load balancers.</summary>
public sealed record VpcEndpointConnectionView(VpcEndpointServiceConfiguration Service, VpcEndpoint Endpoint,
    IReadOnlyList<VpcEndpointDnsEntry> DnsEntries);

public sealed record DescribeVpcEndpointConnectionsResult(IReadOnlyList<VpcEndpointConnectionView> VpcEndpointConnections);
