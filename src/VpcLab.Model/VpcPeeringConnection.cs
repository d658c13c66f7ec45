using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A VPC peering connection (pcx-…): a private link between exactly two VPCs, of any accounts and
/// Regions. Never transitive, never edge to edge: a packet that crossed it may only be delivered to an interface
/// inside the receiving VPC.</summary>
public sealed record VpcPeeringConnection(
    VpcPeeringConnectionId Id, VpcPeeringConnectionVpcInfo Requester, VpcPeeringConnectionVpcInfo Accepter,
    VpcPeeringConnectionState State, string StatusMessage, DateTimeOffset? ExpirationTime)
{
    public bool IsActive => State == VpcPeeringConnectionState.Active;

    /// <summary>True when the two ends are in different Regions (security groups then cannot reference each other).</summary>
    public bool IsInterRegion => Requester.Region != Accepter.Region;

    /// <summary>The other end as seen from <paramref name="vpc"/>, or null when <paramref name="vpc"/> is neither end.</summary>
    public VpcPeeringConnectionVpcInfo? PeerOf(VpcId vpc) =>
        Requester.VpcId == vpc ? Accepter : Accepter.VpcId == vpc ? Requester : null;
}
