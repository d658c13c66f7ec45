using VpcLab.Engine.Compilation;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>A Network Load Balancer node (docs/semantics.md#nlb-data-plane). A connection addressed to the node's
/// interface passes its subnet's NACL and the load balancer's security groups (if it has any), meets the listener of
/// its port and protocol, and leaves the node toward the target compiled for that listener: to the target's address
/// and port, from the client's address when the target group preserves it, else from the node's own. The target's
/// reply goes back through the node (AWS keeps the connection's state there), which restores the listener's address
/// and port toward the client.</summary>
internal sealed class LoadBalancerStep(Topology topology, AddressTables addresses, FilterStep filters)
{
    private readonly CompiledInterface[] _interfaces = topology.Interfaces;
    private readonly LoadBalancerTables _tables = topology.LoadBalancers;

    /// <summary>A packet reached a node's interface (after its subnet's NACL).</summary>
    public void Arrive<TRec>(TRec rec, ref WalkState st, int node) where TRec : IPathRecorder
    {
        if (st.Reply)
        {
            if (st.BalancerNode == node)
            {
                Return(rec, ref st, node);
                return;
            }
            // The reply to a connection the node itself opened (a health check).
            rec.Interface(node, HopAction.Delivered, in st.Packet);
            st.Deliver(node);
            return;
        }
        if (!addresses.Owns(node, st.Packet.Destination))
        {
            rec.Interface(node, HopAction.Forwarded, in st.Packet);
            st.Drop(rec, DropReason.EniSourceDestCheckRestriction);
            return;
        }
        if (!filters.SecurityGroupAllows(rec, ref st, node, egress: false))
            return;
        rec.Gateway(ComponentKind.LoadBalancer, node, HopAction.Forwarded, in st.Packet);
        int route = FindListener(node, in st.Packet);
        if (route < 0)
        {
            st.Drop(rec, DropReason.ElbV2ListenersMismatch);
            return;
        }
        ref readonly var r = ref _tables.Routes[route];
        if (r.Failure != DropReason.None)
        {
            st.Drop(rec, r.Failure);
            return;
        }
        Forward(rec, ref st, node, in r);
    }

    private int FindListener(int node, in FlowKey packet)
    {
        int protocol = packet.Protocol.Number;
        var routes = _tables.Routes;
        for (int i = _tables.RouteStart[node], end = _tables.RouteStart[node + 1]; i < end; i++)
        {
            ref readonly var r = ref routes[i];
            if (r.Port == packet.DestinationPort && ((protocol == 6 && r.Tcp) || (protocol == 17 && r.Udp)))
                return i;
        }
        return -1;
    }

    private void Forward<TRec>(TRec rec, ref WalkState st, int node, in BalancerRoute r) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[node];
        var client = st.Packet.Source;
        // Client IP preservation has no effect on PrivateLink traffic: the target sees the node's private address
        // (docs/semantics.md#privatelink-data-plane).
        bool privateLink = st.PrivateLinkEndpoint >= 0;
        bool preserve = !privateLink && r.PreserveClientIp && r.Target.Family == client.Family;
        if (!preserve && (r.Target.IsV4 ? !e.HasV4 : !e.HasV6))
        {
            st.Drop(rec, DropReason.NoPath);
            return;
        }
        var source = preserve ? client : r.Target.IsV4 ? e.PrimaryV4 : e.PrimaryV6;
        st.BalancerNode = node;
        if (!privateLink)
        {
            st.BalancerClient = client;
            st.BalancerClientPort = st.Packet.SourcePort;
        }
        st.BalancerListenerPort = st.Packet.DestinationPort;
        st.Packet = new FlowKey(source, r.Target, st.Packet.Protocol, st.Packet.SourcePort, r.TargetPort);
        rec.Gateway(ComponentKind.LoadBalancer, node, HopAction.Translated, in st.Packet);
        if (!filters.SecurityGroupAllows(rec, ref st, node, egress: true))
            return;
        st.Sender = node;
        st.RouteFrom(e.Subnet);
    }

    /// <summary>The target's reply, back at the node: from the listener's address and port to the client.</summary>
    private void Return<TRec>(TRec rec, ref WalkState st, int node) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[node];
        if (st.PrivateLinkEndpoint >= 0)
        {
            // PrivateLink: the node hands the reply back over the link to the consumer's endpoint, which restores the
            // client's addresses (Router hands it on); it leaves through no subnet of the provider.
            rec.Gateway(ComponentKind.LoadBalancer, node, HopAction.Forwarded, in st.Packet);
            st.BalancerNode = -1;
            st.Sender = node;
            st.Next = WalkNext.PrivateLinkReturn;
            return;
        }
        var client = st.BalancerClient;
        var front = client.IsV4 ? e.PrimaryV4 : e.PrimaryV6;
        st.Packet = new FlowKey(front, client, st.Packet.Protocol, st.BalancerListenerPort, st.BalancerClientPort);
        rec.Gateway(ComponentKind.LoadBalancer, node, HopAction.Translated, in st.Packet);
        st.BalancerNode = -1;
        st.Sender = node;
        st.RouteFrom(e.Subnet);
    }

    /// <summary>A target's reply to a connection a node forwarded goes back to that node whatever its destination
    /// (with client IP preservation it is addressed to the client): out through the target subnet's NACL when the
    /// node is in another subnet.</summary>
    public void ReturnToNode<TRec>(TRec rec, ref WalkState st, int fromSubnet) where TRec : IPathRecorder
    {
        int node = st.BalancerNode;
        bool crossing = _interfaces[node].Subnet != fromSubnet;
        if (crossing && !filters.AclAllows(rec, ref st, fromSubnet, egress: true))
            return;
        st.ArriveAt(node, crossing);
    }
}
