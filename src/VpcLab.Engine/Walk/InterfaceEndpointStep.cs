using VpcLab.Engine.Compilation;

namespace VpcLab.Engine.Walk;

/// <summary>An interface VPC endpoint (AWS PrivateLink): one requester-managed interface per chosen subnet. A
/// client's packet reaches that interface like any other (the subnet NACL when it crosses, then the endpoint's
/// security groups inbound), and the endpoint hands it to the service. TCP only; the service never opens a
/// connection into the VPC; the reply leaves the endpoint interface toward the client (security groups are
/// stateful, NACLs apply). Spec: gateways-endpoints-peering.md §e; docs/semantics.md#interface-endpoints.</summary>
internal sealed class InterfaceEndpointStep(Topology topology, AddressTables addresses, FilterStep filters)
{
    private readonly int[] _endpointOfInterface = topology.EndpointOfInterface;
    private readonly bool[] _available = topology.InterfaceEndpointAvailable;
    private readonly int[] _privateLinkNode = topology.PrivateLinkNode;
    private readonly CompiledInterface[] _interfaces = topology.Interfaces;

    /// <summary>A packet reached an endpoint's interface (after its subnet's NACL): the endpoint's security groups,
    /// then the endpoint itself, which accepts TCP only and hands the packet to the service.</summary>
    public void Arrive<TRec>(TRec rec, ref WalkState st, int target) where TRec : IPathRecorder
    {
        if (!addresses.Owns(target, st.Packet.Destination))
        {
            // Nothing is routed through an endpoint interface: it only takes packets addressed to it.
            rec.Interface(target, HopAction.Forwarded, in st.Packet);
            st.Drop(rec, DropReason.EniSourceDestCheckRestriction);
            return;
        }
        if (st.Reply)
        {
            rec.Interface(target, HopAction.Delivered, in st.Packet);
            st.Deliver(target);
            return;
        }
        if (!filters.SecurityGroupAllows(rec, ref st, target, egress: false))
            return;
        int endpoint = _endpointOfInterface[target];
        rec.InterfaceEndpoint(target, endpoint, st.Sender, HopAction.Forwarded, in st.Packet);
        if (!_available[endpoint])
        {
            st.Drop(rec, DropReason.BadState);
            return;
        }
        // Choice (docs/semantics.md#interface-endpoints): interface endpoints carry TCP only (spec §e); UDP, ICMP and the rest stop here.
        if (st.Packet.Protocol.Number != 6)
        {
            st.Drop(rec, DropReason.ProtocolRestriction);
            return;
        }
        if (_privateLinkNode[target] != PrivateLinkCompiler.NotPrivateLink)
        {
            ToProvider(rec, ref st, target);
            return;
        }
        rec.InterfaceEndpoint(target, endpoint, st.Sender, HopAction.Delivered, in st.Packet);
        // The reply starts at the endpoint's interface, toward the client.
        st.Deliver(target);
    }

    /// <summary>AWS PrivateLink to a provider's endpoint service (docs/semantics.md#privatelink-data-plane): the
    /// endpoint hands the connection to the service's load balancer node in its own zone (cross-Region: the node
    /// compiled for it, docs/semantics.md#cross-region-privatelink), which sees it come from its own private address
    /// (PrivateLink hides the consumer's addresses), IPv4 or IPv6 as the client connected, on the listener port; the
    /// endpoint keeps the client's address and port for the reply.</summary>
    private void ToProvider<TRec>(TRec rec, ref WalkState st, int target) where TRec : IPathRecorder
    {
        int node = _privateLinkNode[target];
        if (node < 0)
        {
            st.Drop(rec, DropReason.VpceServiceNotInstalledInAz);
            return;
        }
        ref readonly var n = ref _interfaces[node];
        // An IPv6 connection (an ipv6 or dualstack endpoint) reaches the node's IPv6 front, which a dualstack load
        // balancer's nodes have (docs/semantics.md#endpoint-service-ipv6).
        bool v6 = !st.Packet.Destination.IsV4;
        if (v6 ? !n.HasV6 : !n.HasV4)
        {
            st.Drop(rec, DropReason.NoPath);
            return;
        }
        var front = v6 ? n.PrimaryV6 : n.PrimaryV4;
        st.PrivateLinkEndpoint = target;
        st.PrivateLinkFront = st.Packet.Destination;
        st.BalancerClient = st.Packet.Source;
        st.BalancerClientPort = st.Packet.SourcePort;
        st.Packet = new FlowKey(front, front, st.Packet.Protocol, st.Packet.SourcePort, st.Packet.DestinationPort);
        rec.InterfaceEndpoint(target, _endpointOfInterface[target], st.Sender, HopAction.Translated, in st.Packet);
        st.Sender = target;
        st.ArriveAt(node, crossing: true);
    }

    /// <summary>The load balancer node's reply to a PrivateLink connection, back at the endpoint's interface: from the
    /// endpoint's address and port to the client, out through the endpoint's subnet.</summary>
    public void FromProvider<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        int eni = st.PrivateLinkEndpoint;
        st.Packet = new FlowKey(st.PrivateLinkFront, st.BalancerClient, st.Packet.Protocol, st.BalancerListenerPort, st.BalancerClientPort);
        st.PrivateLinkEndpoint = -1;
        rec.InterfaceEndpoint(eni, _endpointOfInterface[eni], -1, HopAction.Translated, in st.Packet);
        st.Sender = eni;
        st.RouteFrom(_interfaces[eni].Subnet);
    }
}
