using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// The walk across a VPC peering connection: never transitive, never edge to edge.
public sealed partial class CompiledNetwork
{
    /// <summary>A route sends the packet over a VPC peering connection into the peer VPC. Only traffic between
    /// addresses of the two VPCs crosses (not transitive, not edge to edge); the destination must be a private
    /// address of an interface there, delivered by the peer's local routing (its route tables are not consulted):
    /// the destination subnet's NACL inbound and the interface's security groups apply as usual.</summary>
    private void CrossPeering<TRec>(TRec rec, ref WalkState st, int pcx, int vpc) where TRec : IPathRecorder
    {
        int peer = _peerings[pcx].PeerOf(vpc);
        var p = st.Packet;
        rec.Gateway(ComponentKind.VpcPeeringConnection, pcx, HopAction.Forwarded, in p);
        if (peer < 0)
        {
            Drop(rec, ref st, DropReason.NoPath);
            return;
        }
        if (st.FromEdge || !InVpcCidrs(vpc, p.Source))
        {
            // From the internet, a NAT gateway or another peering: the source is no address of this VPC.
            Drop(rec, ref st, DropReason.PcxRequiresAddressInVpcCidr);
            return;
        }
        if (!InVpcCidrs(peer, p.Destination))
        {
            // Choice (docs/semantics.md): when the peer's main route table would hand the packet to a NAT
            // gateway, the explanation names the NAT gateway's rule.
            Drop(rec, ref st, PeerMainRouteIsNat(peer, p.Destination) ? DropReason.NgwRequiresSourceInVpc : DropReason.PcxRequiresAddressInVpcCidr);
            return;
        }
        int target = FindInterface(peer, p.Destination);
        if (target < 0)
        {
            Drop(rec, ref st, DropReason.NoPossibleDestination);
            return;
        }
        st.Peering = pcx;
        ArriveAtInterface(rec, ref st, target, crossing: true);
    }

    private bool InVpcCidrs(int vpc, in IpAddress address)
    {
        ref readonly var v = ref _vpcs[vpc];
        var entries = _vpcCidrEntries;
        for (int i = v.CidrStart, end = v.CidrStart + v.CidrCount; i < end; i++)
        {
            ref readonly var e = ref entries[i];
            if (e.Family == address.Family && (address.Value & e.Mask) == e.Network)
                return true;
        }
        return false;
    }

    private bool PeerMainRouteIsNat(int vpc, in IpAddress destination)
    {
        int table = _vpcs[vpc].MainRouteTable;
        if (table < 0)
            return false;
        int route = FindRoute(table, destination);
        return route >= 0 && _routes[_tableSlices[table].RouteBase + route].Kind == RouteTargetKind.NatGateway;
    }
}
