using System.Runtime.CompilerServices;
using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>The data plane, written once: interfaces, subnets and the VPC router, handing the packet to the step
/// for whatever a route leads to (a gateway, a peering, an endpoint) and taking it back where that step says
/// (<see cref="WalkNext"/>). Decide runs it with a recorder that does nothing (the JIT removes the calls); Trace
/// and Observe run the same code with recorders that write hops or flow-log observations, so they cannot
/// disagree.</summary>
internal sealed class Router
{
    /// <summary>Middleboxes and NAT gateways a path may cross before we call it a loop.</summary>
    private const int MaxForwardingSteps = 8;

    private static readonly UInt128 DnsV4 = (169u << 24) | (254u << 16) | (169u << 8) | 253u;
    private static readonly UInt128 ImdsV4 = (169u << 24) | (254u << 16) | (169u << 8) | 254u;
    private static readonly UInt128 DnsV6 = new(0xfd00_0ec2_0000_0000UL, 0x253);
    private static readonly UInt128 ImdsV6 = new(0xfd00_0ec2_0000_0000UL, 0x254);

    private readonly CompiledInterface[] _interfaces;
    private readonly CompiledSubnet[] _subnets;
    private readonly CompiledVpc[] _vpcs;
    private readonly CompiledNat[] _nats;
    private readonly AddressTables _addresses;
    private readonly RoutingTables _routing;
    private readonly FilterStep _filters;
    private readonly InternetGatewayStep _internet;
    private readonly NatGatewayStep _nat;
    private readonly PeeringStep _peering;
    private readonly GatewayEndpointStep _gatewayEndpoint;
    private readonly InterfaceEndpointStep _interfaceEndpoint;
    private readonly LoadBalancerStep _loadBalancer;

    public Router(Topology topology, AddressTables addresses, RoutingTables routing, FilterTables filters)
    {
        _interfaces = topology.Interfaces;
        _subnets = topology.Subnets;
        _vpcs = topology.Vpcs;
        _nats = topology.Nats;
        _addresses = addresses;
        _routing = routing;
        _filters = new FilterStep(topology, filters, addresses);
        _internet = new InternetGatewayStep(topology, addresses, routing);
        _nat = new NatGatewayStep(topology, _filters);
        _peering = new PeeringStep(topology, addresses, routing);
        _gatewayEndpoint = new GatewayEndpointStep(topology, addresses);
        _interfaceEndpoint = new InterfaceEndpointStep(topology, addresses, _filters);
        _loadBalancer = new LoadBalancerStep(topology, addresses, _filters);
    }

    /// <summary>Walks a flow's forward path, then its reply when it has one (<see cref="FlowKey.HasReply"/>).
    /// <paramref name="source"/> is the sending interface, or −1 when the flow comes from the internet.</summary>
    public Decision Run<TRec>(TRec forward, TRec reply, in FlowKey flow, int source) where TRec : IPathRecorder
    {
        WalkState.Begin(out var st, in flow);
        if (source >= 0)
            FromInterface(forward, ref st, source);
        else
            _internet.FromInternet(forward, ref st);
        Continue(forward, ref st);
        if (st.End == WalkEnd.Dropped)
            return new Decision(Verdict.Dropped, st.Reason, PathDirection.Forward);
        // The resolver and the metadata service answer outside the walk; a one-way message (an ICMP error, an echo
        // reply on its own) has no reply to walk back: the forward verdict is the flow's (docs/semantics.md#one-way-icmp).
        if (st.End == WalkEnd.Service || !flow.HasReply)
            return Decision.Accepted;

        WalkState.Begin(out var back, st.Packet.Reply());
        back.Reply = true;
        back.NatGateway = st.NatGateway;
        back.NatOriginalSource = st.NatOriginalSource;
        back.NatOriginalPort = st.NatOriginalPort;
        back.EgressOnlyGateway = st.EgressOnlyGateway;
        back.BalancerNode = st.BalancerNode;
        back.BalancerClient = st.BalancerClient;
        back.BalancerClientPort = st.BalancerClientPort;
        back.BalancerListenerPort = st.BalancerListenerPort;
        back.PrivateLinkEndpoint = st.PrivateLinkEndpoint;
        back.PrivateLinkFront = st.PrivateLinkFront;
        if (st.End == WalkEnd.Interface)
            FromInterface(reply, ref back, st.EndInterface);
        else if (st.End == WalkEnd.AwsService)
            _gatewayEndpoint.FromService(reply, ref back, st.GatewayEndpoint);
        else
            _internet.FromInternet(reply, ref back);
        Continue(reply, ref back);
        if (back.End == WalkEnd.Dropped)
            return new Decision(Verdict.Dropped, back.Reason, PathDirection.Return);

        // The reply must come back to the requester as the request's exact mirror, or the connection never forms.
        bool home = source >= 0
            ? back.End == WalkEnd.Interface && back.EndInterface == source
            : back.End == WalkEnd.Internet;
        if (!home || back.Packet.Destination != flow.Source || back.Packet.Source != flow.Destination)
        {
            back.Drop(reply, DropReason.AsymmetricReturnPath);
            return new Decision(Verdict.Dropped, DropReason.AsymmetricReturnPath, PathDirection.Return);
        }
        return Decision.Accepted;
    }

    /// <summary>Takes the packet wherever the last step sent it, until a step ends the walk. Never inlined: Run calls
    /// it for both directions, and two inlined copies of the whole walk exhaust the JIT's inlining budget for Run,
    /// which then leaves small helpers (UInt128 operators, rule matches) as calls.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Continue<TRec>(TRec rec, ref WalkState st) where TRec : IPathRecorder
    {
        while (true)
        {
            var next = st.Next;
            st.Next = WalkNext.Stop;
            switch (next)
            {
                case WalkNext.RouteFromSubnet:
                    RouteFromSubnet(rec, ref st, st.NextIndex);
                    break;
                case WalkNext.ArriveAtInterface:
                    ArriveAtInterface(rec, ref st, st.NextIndex, st.NextCrossing);
                    break;
                case WalkNext.PrivateLinkReturn:
                    _interfaceEndpoint.FromProvider(rec, ref st);
                    break;
                default:
                    return;
            }
        }
    }

    private VpcService ServiceAt(int vpc, in IpAddress destination)
    {
        if (destination.Family == IpFamily.V4)
        {
            if (destination.Value == DnsV4 || destination == _vpcs[vpc].DnsResolver)
                return VpcService.Dns;
            return destination.Value == ImdsV4 ? VpcService.Metadata : VpcService.None;
        }
        if (destination.Value == DnsV6)
            return VpcService.Dns;
        return destination.Value == ImdsV6 ? VpcService.Metadata : VpcService.None;
    }

    /// <summary>An interface sends the packet: its own checks, then its subnet's routing.</summary>
    private void FromInterface<TRec>(TRec rec, ref WalkState st, int eni) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[eni];
        rec.Interface(eni, HopAction.Sent, in st.Packet);
        if (e.IsVpcEndpoint && !st.Reply)
        {
            // The service behind an interface endpoint never opens connections into the VPC.
            st.Drop(rec, DropReason.VpceIntraVpcTraffic);
            return;
        }
        if (!e.Usable)
        {
            st.Drop(rec, DropReason.BadState);
            return;
        }
        if (e.SourceDestCheck && !_addresses.Owns(eni, st.Packet.Source))
        {
            st.Drop(rec, DropReason.EniSourceDestCheckRestriction);
            return;
        }
        if (!st.Reply)
        {
            var service = ServiceAt(e.Vpc, st.Packet.Destination);
            if (service != VpcService.None)
            {
                // The resolver and the metadata service are never filtered by security groups or NACLs.
                rec.Service(service, e.Vpc, in st.Packet);
                if (service == VpcService.Dns && !_vpcs[e.Vpc].DnsSupport)
                {
                    st.Drop(rec, DropReason.DnsSupportDisabled);
                    return;
                }
                st.End = WalkEnd.Service;
                return;
            }
            if (!_filters.SecurityGroupAllows(rec, ref st, eni, egress: true))
                return;
        }
        st.Sender = eni;
        if (st.Reply && st.BalancerNode >= 0)
        {
            // A target's reply to a connection a load balancer node forwarded goes back through that node.
            _loadBalancer.ReturnToNode(rec, ref st, e.Subnet);
            return;
        }
        st.RouteFrom(e.Subnet);
    }

    /// <summary>The packet leaves an interface of <paramref name="subnet"/> (or its NAT gateway) toward the VPC
    /// router: layer 2 inside the subnet, else the subnet's route table behind its NACL.</summary>
    private void RouteFromSubnet<TRec>(TRec rec, ref WalkState st, int subnet) where TRec : IPathRecorder
    {
        if (++st.Steps > MaxForwardingSteps)
        {
            st.Drop(rec, DropReason.ForwardingLoop);
            return;
        }
        ref readonly var s = ref _subnets[subnet];
        var destination = st.Packet.Destination;

        // Same subnet: layer 2. No route table, no NACL.
        if (s.Contains(destination))
        {
            int target = _addresses.FindInterface(s.Vpc, destination);
            if (target < 0)
            {
                rec.Subnet(subnet, in st.Packet);
                st.Drop(rec, DropReason.NoPossibleDestination);
                return;
            }
            ArriveAtInterface(rec, ref st, target, crossing: false);
            return;
        }

        int route = _routing.FindRoute(s.RouteTable, destination);
        if (route < 0)
        {
            if (!_filters.AclAllows(rec, ref st, subnet, egress: true))
                return;
            rec.Route(s.RouteTable, route, subnet, in st.Packet);
            st.Drop(rec, DropReason.NoRouteToDestination);
            return;
        }
        ref readonly var chosen = ref _routing.Route(s.RouteTable, route);
        // NACLs guard the subnet's edge: a route to a middlebox or NAT gateway in the same subnet stays inside.
        bool crossing = CrossesSubnetEdge(in chosen, subnet);
        if (crossing && !_filters.AclAllows(rec, ref st, subnet, egress: true))
            return;
        rec.Route(s.RouteTable, route, subnet, in st.Packet);
        if (chosen.Blackhole)
        {
            st.Drop(rec, DropReason.BadStateRoute);
            return;
        }
        if (st.Peering >= 0 && chosen.Kind is not (RouteTargetKind.Local or RouteTargetKind.NetworkInterface or RouteTargetKind.Instance))
        {
            // Arrived over a peering: it may not leave this VPC again (not transitive, not edge to edge).
            PeeringStep.RefuseOnward(rec, ref st, chosen.Kind);
            return;
        }
        Forward(rec, ref st, in chosen, subnet, crossing);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CrossesSubnetEdge(in CompiledRoute route, int subnet)
    {
        if (route.Blackhole)
            return true;
        if (route.Kind is RouteTargetKind.NetworkInterface or RouteTargetKind.Instance)
            return _interfaces[route.Target].Subnet != subnet;
        if (route.Kind == RouteTargetKind.NatGateway)
            return _nats[route.Target].Subnet != subnet;
        return true;
    }

    /// <summary>Hands the packet to what the chosen route leads to.</summary>
    private void Forward<TRec>(TRec rec, ref WalkState st, in CompiledRoute chosen, int subnet, bool crossing) where TRec : IPathRecorder
    {
        int vpc = _subnets[subnet].Vpc;
        switch (chosen.Kind)
        {
            case RouteTargetKind.VpcPeeringConnection:
                _peering.Cross(rec, ref st, chosen.Target, vpc);
                return;
            case RouteTargetKind.Local:
            {
                int target = _addresses.FindInterface(vpc, st.Packet.Destination);
                if (target < 0)
                {
                    st.Drop(rec, DropReason.NoPossibleDestination);
                    return;
                }
                ArriveAtInterface(rec, ref st, target, crossing: _interfaces[target].Subnet != subnet);
                return;
            }
            case RouteTargetKind.InternetGateway:
                _internet.InternetGatewayEgress(rec, ref st, chosen.Target, vpc);
                return;
            case RouteTargetKind.EgressOnlyInternetGateway:
                _internet.EgressOnlyEgress(rec, ref st, chosen.Target);
                return;
            case RouteTargetKind.NatGateway:
                _nat.Arrive(rec, ref st, chosen.Target, crossing);
                return;
            case RouteTargetKind.NetworkInterface or RouteTargetKind.Instance:
                ArriveAtInterface(rec, ref st, chosen.Target, crossing);
                return;
            case RouteTargetKind.GatewayEndpoint:
                _gatewayEndpoint.Egress(rec, ref st, chosen.Target);
                return;
            default:
                st.Drop(rec, DropReason.BadStateRoute);
                return;
        }
    }

    /// <summary>The packet reaches an interface: its subnet's NACL (when it crossed the edge), then the interface
    /// receives it (destination) or relays it (middlebox).</summary>
    private void ArriveAtInterface<TRec>(TRec rec, ref WalkState st, int target, bool crossing) where TRec : IPathRecorder
    {
        ref readonly var t = ref _interfaces[target];
        rec.Arrive(target, in st.Packet);
        if (crossing && !_filters.AclAllows(rec, ref st, t.Subnet, egress: false))
            return;
        if (t.NatGateway >= 0)
        {
            _nat.Receive(rec, ref st, t.NatGateway);
            return;
        }
        if (t.IsLoadBalancerNode)
        {
            _loadBalancer.Arrive(rec, ref st, target);
            return;
        }
        if (t.IsVpcEndpoint)
        {
            _interfaceEndpoint.Arrive(rec, ref st, target);
            return;
        }
        bool addressed = _addresses.Owns(target, st.Packet.Destination);
        if (!t.Usable || (!addressed && t.SourceDestCheck))
        {
            rec.Interface(target, HopAction.Forwarded, in st.Packet);
            st.Drop(rec, t.Usable ? DropReason.EniSourceDestCheckRestriction : DropReason.BadState);
            return;
        }
        if (!st.Reply && !_filters.SecurityGroupAllows(rec, ref st, target, egress: false))
            return;
        if (addressed)
        {
            rec.Interface(target, HopAction.Delivered, in st.Packet);
            st.Deliver(target);
            return;
        }
        // A middlebox (source/destination check off) relays the packet unchanged; what it sends is subject to
        // its own outbound rules, and the original sender's group identity does not survive the relay.
        rec.Interface(target, HopAction.Forwarded, in st.Packet);
        st.IdentityPreserved = false;
        if (!st.Reply && !_filters.SecurityGroupAllows(rec, ref st, target, egress: true))
            return;
        st.Sender = target;
        st.RouteFrom(t.Subnet);
    }
}
