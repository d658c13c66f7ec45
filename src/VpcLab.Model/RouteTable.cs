using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A VPC's route table. Exactly one per VPC is main: subnets without an explicit association use it.</summary>
public sealed record RouteTable(
    RouteTableId Id, VpcId VpcId, AccountId OwnerId, string Region,
    ImmutableArray<Route> Routes, ImmutableArray<RouteTableAssociation> Associations)
{
    public bool IsMain => Associations.Any(a => a.Main);
}
