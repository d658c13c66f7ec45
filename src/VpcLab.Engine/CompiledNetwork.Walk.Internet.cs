using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// The walk to and from the internet: internet gateway (1:1 NAT of IPv4), egress-only internet gateway (IPv6 out
// and its replies), and the gateway's ingress routing.
public sealed partial class CompiledNetwork
{
    private void InternetGatewayEgress<TRec>(TRec rec, ref WalkState st, int igw, int vpc) where TRec : IPathRecorder
    {
        var p = st.Packet;
        if (p.Family == IpFamily.V4)
        {
            // The sender's primary address is the usual source: its public IP is kept on the interface itself.
            IpAddress publicIp;
            bool mapped;
            if (st.Sender >= 0 && _interfaces[st.Sender].HasPublicV4 && _interfaces[st.Sender].PrimaryV4Value == p.Source.Value)
            {
                publicIp = _interfaces[st.Sender].PublicV4;
                mapped = true;
            }
            else
            {
                mapped = TryPublicOf(vpc, p.Source, out publicIp);
            }
            if (!mapped)
            {
                rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
                Drop(rec, ref st, DropReason.IgwPublicIpAssociationForEgress);
                return;
            }
            if (IsRfc1918(p.Destination))
            {
                rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
                Drop(rec, ref st, DropReason.IgwDestinationAddressNotInRfc1918Egress);
                return;
            }
            if (IsRfc6598(p.Destination))
            {
                rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
                Drop(rec, ref st, DropReason.IgwDestinationAddressNotInRfc6598Egress);
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

    private void EgressOnlyEgress<TRec>(TRec rec, ref WalkState st, int eigw) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.EgressOnlyInternetGateway, eigw, HopAction.Forwarded, in st.Packet);
        if (st.Packet.Family != IpFamily.V6)
        {
            Drop(rec, ref st, DropReason.ProtocolRestriction);
            return;
        }
        if (st.Reply)
        {
            // The connection was opened from outside; an egress-only gateway returns replies only to connections
            // that left through it.
            Drop(rec, ref st, DropReason.EgressOnlyInboundRefused);
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
        bool known = destination.Family == IpFamily.V4
            ? IsPublicV4(destination)
            : _globalV6.ContainsKey(new AddressKey(destination));
        if (known)
        {
            FromInternet(rec, ref st);
            return;
        }
        rec.Internet(HopAction.Delivered, in st.Packet);
        st.End = WalkEnd.Internet;
    }

    /// <summary>A packet from the internet toward this world.</summary>
    private void FromInternet<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        var p = st.Packet;
        st.FromEdge = true;
        rec.Internet(HopAction.Sent, in p);
        if (p.Family == IpFamily.V4)
        {
            if (!TryPrivateOf(p.Destination, out var target))
            {
                int owner = _vpcCidrs.LookupIndex(p.Destination);
                int vpcOf = owner >= 0 ? _vpcCidrs.Entries[owner].Value : -1;
                if (vpcOf >= 0 && _vpcs[vpcOf].InternetGateway >= 0)
                {
                    rec.Gateway(ComponentKind.InternetGateway, _vpcs[vpcOf].InternetGateway, HopAction.Forwarded, in p);
                    Drop(rec, ref st, DropReason.IgwPrivateIpAssociationForIngress);
                    return;
                }
                Drop(rec, ref st, DropReason.NoPath);
                return;
            }
            int vpc = _interfaces[target.Interface].Vpc;
            int igw = _vpcs[vpc].InternetGateway;
            if (igw < 0)
            {
                Drop(rec, ref st, DropReason.NoPath);
                return;
            }
            if (IsRfc1918(p.Source) || IsRfc6598(p.Source))
            {
                rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Forwarded, in p);
                Drop(rec, ref st, IsRfc1918(p.Source) ? DropReason.IgwSourceAddressNotInRfc1918Ingress : DropReason.IgwSourceAddressNotInRfc6598Ingress);
                return;
            }
            st.Packet = new FlowKey(p.Source, target.PrivateIp, p.Protocol, p.SourcePort, p.DestinationPort);
            rec.Gateway(ComponentKind.InternetGateway, igw, HopAction.Translated, in st.Packet);
            GatewayIngress(rec, ref st, vpc, target.Interface);
            return;
        }

        if (!_globalV6.TryGetValue(new AddressKey(p.Destination), out int eni))
        {
            Drop(rec, ref st, DropReason.NoPath);
            return;
        }
        int v = _interfaces[eni].Vpc;
        ref readonly var cv = ref _vpcs[v];
        if (st.Reply && st.EgressOnlyGateway >= 0 && _egressOnlyVpc[st.EgressOnlyGateway] == v)
        {
            // The reply of a connection that left through the egress-only gateway comes back through it.
            rec.Gateway(ComponentKind.EgressOnlyInternetGateway, st.EgressOnlyGateway, HopAction.Forwarded, in p);
            ArriveAtInterface(rec, ref st, eni, crossing: true);
            return;
        }
        if (cv.InternetGateway >= 0)
        {
            rec.Gateway(ComponentKind.InternetGateway, cv.InternetGateway, HopAction.Forwarded, in p);
            GatewayIngress(rec, ref st, v, eni);
            return;
        }
        if (cv.EgressOnlyInternetGateway >= 0)
        {
            rec.Gateway(ComponentKind.EgressOnlyInternetGateway, cv.EgressOnlyInternetGateway, HopAction.Forwarded, in p);
            Drop(rec, ref st, DropReason.EgressOnlyInboundRefused);
            return;
        }
        Drop(rec, ref st, DropReason.NoPath);
    }

    /// <summary>The internet gateway hands the packet to the VPC: through the route table associated with the
    /// gateway (ingress routing) when there is one, else straight to the local route.</summary>
    private void GatewayIngress<TRec>(TRec rec, ref WalkState st, int vpc, int eni) where TRec : IPathRecorder
    {
        int tableIndex = _vpcs[vpc].GatewayRouteTable;
        if (tableIndex < 0)
        {
            ArriveAtInterface(rec, ref st, eni, crossing: true);
            return;
        }
        int route = FindRoute(tableIndex, st.Packet.Destination);
        rec.Route(tableIndex, route, -1, in st.Packet);
        if (route < 0)
        {
            Drop(rec, ref st, DropReason.NoRouteToDestination);
            return;
        }
        ref readonly var r = ref _routes[_tableSlices[tableIndex].RouteBase + route];
        if (r.Blackhole)
        {
            Drop(rec, ref st, DropReason.BadStateRoute);
            return;
        }
        switch (r.Kind)
        {
            case RouteTargetKind.Local:
                ArriveAtInterface(rec, ref st, eni, crossing: true);
                return;
            case RouteTargetKind.NetworkInterface or RouteTargetKind.Instance:
                ArriveAtInterface(rec, ref st, r.Target, crossing: true);
                return;
            default:
                Drop(rec, ref st, DropReason.BadStateRoute);
                return;
        }
    }
}
