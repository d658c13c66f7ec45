using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>The way to and from the internet: the internet gateway (1:1 NAT of IPv4, ingress routing), the
/// egress-only internet gateway (IPv6 out and its replies), and the internet itself, which hands an address of this
/// world back in through its VPC's gateway.</summary>
internal sealed class InternetGatewayStep(Topology topology, AddressTables addresses, RoutingTables routing)
{
    private readonly CompiledInterface[] _interfaces = topology.Interfaces;
    private readonly CompiledVpc[] _vpcs = topology.Vpcs;
    private readonly CompiledSubnet[] _subnets = topology.Subnets;
    private readonly int[] _egressOnlyVpc = topology.EgressOnlyVpc;
    private readonly int[] _endpointOfInterface = topology.EndpointOfInterface;

    public void InternetGatewayEgress<TRec>(TRec rec, ref WalkState st, int igw, int vpc) where TRec : IPathRecorder
    {
        var p = st.Packet;
        if (p.Family == IpFamily.V4)
        {
            if (!TryPublicSource(ref st, vpc, out var publicIp))
            {
                rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
                st.Drop(rec, DropReason.IgwPublicIpAssociationForEgress);
                return;
            }
            if (IsRfc1918(p.Destination) || IsRfc6598(p.Destination))
            {
                rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
                st.Drop(rec, IsRfc1918(p.Destination) ? DropReason.IgwDestinationAddressNotInRfc1918Egress : DropReason.IgwDestinationAddressNotInRfc6598Egress);
                return;
            }
            st.Packet = new FlowKey(publicIp, p.Destination, p.Protocol, p.SourcePort, p.DestinationPort);
            rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Translated, in st.Packet);
        }
        else
        {
            rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
        }
        ToInternet(rec, ref st);
    }

    /// <summary>The public IPv4 the gateway gives the source. The sender's primary address is the usual source:
    /// its public IP is kept on the interface itself.</summary>
    private bool TryPublicSource(ref WalkState st, int vpc, out IpAddress publicIp)
    {
        if (st.Sender >= 0 && _interfaces[st.Sender].HasPublicV4 && _interfaces[st.Sender].PrimaryV4Value == st.Packet.Source.Value)
        {
            publicIp = _interfaces[st.Sender].PublicV4;
            return true;
        }
        return addresses.TryPublicOf(vpc, st.Packet.Source, out publicIp);
    }

    public void EgressOnlyEgress<TRec>(TRec rec, ref WalkState st, int eigw) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.EgressOnlyInternetGateway, eigw, HopAction.Forwarded, in st.Packet);
        if (st.Packet.Family != IpFamily.V6)
        {
            st.Drop(rec, DropReason.ProtocolRestriction);
            return;
        }
        if (st.Reply)
        {
            // The connection was opened from outside; an egress-only gateway returns replies only to connections
            // that left through it.
            st.Drop(rec, DropReason.EgressOnlyInboundRefused);
            return;
        }
        st.EgressOnlyGateway = eigw;
        ToInternet(rec, ref st);
    }

    /// <summary>On the internet: an address of this world (a public IPv4, a VPC's IPv6) comes back in through its
    /// VPC's gateway; anything else is delivered to the internet.</summary>
    private void ToInternet<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        var destination = st.Packet.Destination;
        bool known = destination.Family == IpFamily.V4 ? addresses.IsPublicV4(destination) : addresses.IsGlobalV6(destination);
        if (known)
        {
            FromInternet(rec, ref st);
            return;
        }
        rec.Internet(HopAction.Delivered, in st.Packet);
        st.End = WalkEnd.Internet;
    }

    /// <summary>A packet from the internet toward this world.</summary>
    public void FromInternet<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        st.FromEdge = true;
        rec.Internet(HopAction.Sent, in st.Packet);
        if (st.Packet.Family == IpFamily.V4)
            FromInternetV4(rec, ref st);
        else
            FromInternetV6(rec, ref st);
    }

    private void FromInternetV4<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        var p = st.Packet;
        if (!addresses.TryPrivateOf(p.Destination, out var target))
        {
            int vpcOf = addresses.VpcContaining(p.Destination);
            if (vpcOf >= 0 && _vpcs[vpcOf].InternetGateway >= 0)
            {
                rec.Gateway(ComponentKind.InternetGateway, _vpcs[vpcOf].InternetGateway, HopAction.Forwarded, in p);
                st.Drop(rec, DropReason.IgwPrivateIpAssociationForIngress);
                return;
            }
            st.Drop(rec, DropReason.NoPath);
            return;
        }
        int vpc = _interfaces[target.Interface].Vpc;
        int igw = _vpcs[vpc].InternetGateway;
        if (igw < 0)
        {
            st.Drop(rec, DropReason.NoPath);
            return;
        }
        if (IsRfc1918(p.Source) || IsRfc6598(p.Source))
        {
            rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
            st.Drop(rec, IsRfc1918(p.Source) ? DropReason.IgwSourceAddressNotInRfc1918Ingress : DropReason.IgwSourceAddressNotInRfc6598Ingress);
            return;
        }
        st.Packet = new FlowKey(p.Source, target.PrivateIp, p.Protocol, p.SourcePort, p.DestinationPort);
        rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Translated, in st.Packet);
        GatewayIngress(rec, ref st, vpc, target.Interface);
    }

    private void FromInternetV6<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        var p = st.Packet;
        int eni = addresses.GlobalV6Owner(p.Destination);
        if (eni < 0)
        {
            st.Drop(rec, DropReason.NoPath);
            return;
        }
        int v = _interfaces[eni].Vpc;
        ref readonly var cv = ref _vpcs[v];
        if (st.Reply && st.EgressOnlyGateway >= 0 && _egressOnlyVpc[st.EgressOnlyGateway] == v)
        {
            // The reply of a connection that left through the egress-only gateway comes back through it.
            rec.Gateway(ComponentKind.EgressOnlyInternetGateway, st.EgressOnlyGateway, HopAction.Forwarded, in p);
            st.ArriveAt(eni, crossing: true);
            return;
        }
        if (cv.InternetGateway >= 0)
        {
            rec.Gateway(ComponentKind.InternetGateway, cv.InternetGateway, HopAction.Forwarded, in p);
            if (_endpointOfInterface[eni] >= 0)
            {
                // An interface endpoint's IPv6 addresses are not reachable from the internet (its interface shows
                // denyAllIgwTraffic; spec gateways-endpoints-peering.md §e; docs/semantics.md#endpoint-ip-address-types).
                st.Drop(rec, DropReason.IgwPrivateIpAssociationForIngress);
                return;
            }
            GatewayIngress(rec, ref st, v, eni);
            return;
        }
        if (cv.EgressOnlyInternetGateway >= 0)
        {
            rec.Gateway(ComponentKind.EgressOnlyInternetGateway, cv.EgressOnlyInternetGateway, HopAction.Forwarded, in p);
            if (p.IsIcmpError && LeavesThrough(eni, p.Source, cv.EgressOnlyInternetGateway))
            {
                // Choice, docs/semantics.md#one-way-icmp: an ICMPv6 error (packet too big...) reports on a connection
                // that left through the gateway, which lets it back in as it lets that connection's replies.
                st.ArriveAt(eni, crossing: true);
                return;
            }
            st.Drop(rec, DropReason.EgressOnlyInboundRefused);
            return;
        }
        st.Drop(rec, DropReason.NoPath);
    }

    /// <summary>Whether the interface's subnet routes traffic to <paramref name="peer"/> through the egress-only gateway.</summary>
    private bool LeavesThrough(int eni, in IpAddress peer, int eigw)
    {
        int table = _subnets[_interfaces[eni].Subnet].RouteTable;
        int route = routing.FindRoute(table, peer);
        if (route < 0)
            return false;
        ref readonly var r = ref routing.Route(table, route);
        return !r.Blackhole && r.Kind == RouteTargetKind.EgressOnlyInternetGateway && r.Target == eigw;
    }

    /// <summary>The internet gateway hands the packet to the VPC: through the route table associated with the
    /// gateway (ingress routing) when there is one, else straight to the local route.</summary>
    private void GatewayIngress<TRec>(TRec rec, ref WalkState st, int vpc, int eni) where TRec : IPathRecorder
    {
        int table = _vpcs[vpc].GatewayRouteTable;
        if (table < 0)
        {
            st.ArriveAt(eni, crossing: true);
            return;
        }
        int route = routing.FindRoute(table, st.Packet.Destination);
        rec.Route(table, route, -1, in st.Packet);
        if (route < 0)
        {
            st.Drop(rec, DropReason.NoRouteToDestination);
            return;
        }
        ref readonly var r = ref routing.Route(table, route);
        if (r.Blackhole)
        {
            st.Drop(rec, DropReason.BadStateRoute);
            return;
        }
        switch (r.Kind)
        {
            case RouteTargetKind.Local:
                st.ArriveAt(eni, crossing: true);
                return;
            case RouteTargetKind.NetworkInterface or RouteTargetKind.Instance:
                st.ArriveAt(r.Target, crossing: true);
                return;
            default:
                st.Drop(rec, DropReason.BadStateRoute);
                return;
        }
    }

    private static bool IsRfc1918(in IpAddress a)
    {
        if (a.Family != IpFamily.V4)
            return false;
        uint v = (uint)a.Value;
        return (v & 0xFF000000u) == 0x0A000000u || (v & 0xFFF00000u) == 0xAC100000u || (v & 0xFFFF0000u) == 0xC0A80000u;
    }

    private static bool IsRfc6598(in IpAddress a) =>
        a.Family == IpFamily.V4 && ((uint)a.Value & 0xFFC00000u) == 0x64400000u;
}
