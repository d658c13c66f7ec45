using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>The link of a route table to a subnet or an edge gateway, or the "main" marker of the VPC.</summary>
public sealed record RouteTableAssociation(RouteTableAssociationId Id, bool Main, SubnetId? SubnetId, string? GatewayId);
