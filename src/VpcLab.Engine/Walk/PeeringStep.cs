using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>A VPC peering connection: never transitive, never edge to edge.</summary>
internal sealed class PeeringStep(Topology topology, AddressTables addresses, RoutingTables routing)
{
    private readonly CompiledPeering[] _peerings = topology.Peerings;

    /// <summary>A route sends the packet over a VPC peering connection into the peer VPC. Only traffic between
    /// addresses of the two VPCs crosses (not transitive, not edge to edge); the destination must be a private
    /// address of an interface there, delivered by the peer's local routing (its route tables are not consulted):
    /// the destination subnet's NACL inbound and the interface's security groups apply as usual.</summary>
    public void Cross<TRec>(TRec rec, ref WalkState st, int pcx, int vpc) where TRec : IPathRecorder
    {
        int peer = _peerings[pcx].PeerOf(vpc);
        var p = st.Packet;
        rec.Gateway(ComponentKind.VpcPeeringConnection, pcx, HopAction.Forwarded, in p);
        if (peer < 0)
        {
            st.Drop(rec, DropReason.NoPath);
            return;
        }
        if (st.FromEdge || !topology.InVpcCidrs(vpc, p.Source))
        {
            // From the internet, a NAT gateway or another peering: the source is no address of this VPC.
            st.Drop(rec, DropReason.PcxRequiresAddressInVpcCidr);
            return;
        }
        if (!topology.InVpcCidrs(peer, p.Destination))
        {
            // Choice (docs/semantics.md): when the peer's main route table would hand the packet to a NAT
            // gateway, the explanation names the NAT gateway's rule.
            st.Drop(rec, PeerMainRouteIsNat(peer, p.Destination) ? DropReason.NgwRequiresSourceInVpc : DropReason.PcxRequiresAddressInVpcCidr);
            return;
        }
        int target = addresses.FindInterface(peer, p.Destination);
        if (target < 0)
        {
            st.Drop(rec, DropReason.NoPossibleDestination);
            return;
        }
        st.Peering = pcx;
        st.ArriveAt(target, crossing: true);
    }

    /// <summary>A packet that arrived over a peering may only be delivered inside that VPC: any other route sends it
    /// on, which AWS refuses.</summary>
    public static void RefuseOnward<TRec>(TRec rec, ref WalkState st, RouteTargetKind kind) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.VpcPeeringConnection, st.Peering, HopAction.Forwarded, in st.Packet);
        st.Drop(rec, kind == RouteTargetKind.NatGateway ? DropReason.NgwRequiresSourceInVpc : DropReason.PcxRequiresAddressInVpcCidr);
    }

    private bool PeerMainRouteIsNat(int vpc, in IpAddress destination)
    {
        int table = topology.Vpcs[vpc].MainRouteTable;
        if (table < 0)
            return false;
        int route = routing.FindRoute(table, destination);
        return route >= 0 && routing.Route(table, route).Kind == RouteTargetKind.NatGateway;
    }
}
