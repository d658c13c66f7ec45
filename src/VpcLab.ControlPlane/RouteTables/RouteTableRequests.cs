using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateRouteTableRequest
{
    public string? VpcId { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateRouteTableResult(RouteTable RouteTable);

public sealed record DeleteRouteTableRequest
{
    public string? RouteTableId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeRouteTablesRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? RouteTableIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeRouteTablesResult(IReadOnlyList<RouteTable> RouteTables);

public sealed record AssociateRouteTableRequest
{
    public string? RouteTableId { get; init; }
    public string? SubnetId { get; init; }

    /// <summary>An internet gateway attached to the table's VPC (edge association).</summary>
    public string? GatewayId { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>associationState{state}: the lab associates at once, so always "associated".</summary>
public sealed record RouteTableAssociationState(string State)
{
    public static readonly RouteTableAssociationState Associated = new("associated");
}

public sealed record AssociateRouteTableResult(string AssociationId, RouteTableAssociationState AssociationState);

public sealed record DisassociateRouteTableRequest
{
    public string? AssociationId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReplaceRouteTableAssociationRequest
{
    public string? AssociationId { get; init; }
    public string? RouteTableId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReplaceRouteTableAssociationResult(string NewAssociationId, RouteTableAssociationState AssociationState);

/// <summary>CreateRoute: one destination (DestinationCidrBlock | DestinationIpv6CidrBlock |
/// DestinationPrefixListId) and one target.</summary>
public sealed record CreateRouteRequest
{
    public string? RouteTableId { get; init; }
    public string? DestinationCidrBlock { get; init; }
    public string? DestinationIpv6CidrBlock { get; init; }
    public string? DestinationPrefixListId { get; init; }
    public string? GatewayId { get; init; }
    public string? EgressOnlyInternetGatewayId { get; init; }
    public string? NatGatewayId { get; init; }
    public string? NetworkInterfaceId { get; init; }
    public string? InstanceId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? VpcEndpointId { get; init; }
    public string? TransitGatewayId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReplaceRouteRequest
{
    public string? RouteTableId { get; init; }
    public string? DestinationCidrBlock { get; init; }
    public string? DestinationIpv6CidrBlock { get; init; }
    public string? DestinationPrefixListId { get; init; }
    public string? GatewayId { get; init; }
    public string? EgressOnlyInternetGatewayId { get; init; }
    public string? NatGatewayId { get; init; }
    public string? NetworkInterfaceId { get; init; }
    public string? InstanceId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? VpcEndpointId { get; init; }
    public string? TransitGatewayId { get; init; }

    /// <summary>Restores the target of a VPC CIDR's route to local.</summary>
    public bool? LocalTarget { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteRouteRequest
{
    public string? RouteTableId { get; init; }
    public string? DestinationCidrBlock { get; init; }
    public string? DestinationIpv6CidrBlock { get; init; }
    public string? DestinationPrefixListId { get; init; }
    public bool? DryRun { get; init; }
}
