using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// The data plane, written once. Decide runs it with a recorder that does nothing (the JIT removes the calls);
// Trace runs the same code with a recorder that writes hops, so the two cannot disagree. This file holds the
// walk's state and its core (interfaces, subnets, routing); gateways, peering and filters have their own files.
public sealed partial class CompiledNetwork
{
    /// <summary>Middleboxes and NAT gateways a path may cross before we call it a loop.</summary>
    private const int MaxForwardingSteps = 8;

    private static readonly UInt128 DnsV4 = (169u << 24) | (254u << 16) | (169u << 8) | 253u;
    private static readonly UInt128 ImdsV4 = (169u << 24) | (254u << 16) | (169u << 8) | 254u;
    private static readonly UInt128 DnsV6 = new(0xfd00_0ec2_0000_0000UL, 0x253);
    private static readonly UInt128 ImdsV6 = new(0xfd00_0ec2_0000_0000UL, 0x254);

    internal enum WalkEnd : byte
    {
        Dropped,
        Interface,
        Internet,
        Service,
        /// <summary>An AWS service reached through a gateway endpoint (<see cref="WalkState.GatewayEndpoint"/>).</summary>
        AwsService,
    }

    internal enum ServiceKind : byte
    {
        None,
        Dns,
        Metadata,
    }

    internal struct WalkState
    {
        public FlowKey Packet;
        public bool Reply;
        /// <summary>False once a middlebox relayed the packet: security group references no longer match.</summary>
        public bool IdentityPreserved;
        public int Steps;
        /// <summary>The interface that last put the packet on the wire (sender, middlebox, NAT gateway), else −1.</summary>
        public int Sender;
        // Connection state the request leaves in stateful gateways, which its reply relies on.
        public int NatGateway;
        public IpAddress NatOriginalSource;
        public ushort NatOriginalPort;
        public int EgressOnlyGateway;
        /// <summary>The peering the packet crossed, else −1: it may then only be delivered inside that VPC.</summary>
        public int Peering;
        /// <summary>True once the packet came in from the internet or through a NAT gateway: it may not continue
        /// over a peering (no edge to edge).</summary>
        public bool FromEdge;
        public WalkEnd End;
        public int EndInterface;
        /// <summary>The gateway endpoint that carried the packet to its service (End = AwsService).</summary>
        public int GatewayEndpoint;
        public DropReason Reason;
    }

    /// <summary>Decides one flow without allocating: forward path, then the reply. <paramref name="sourceInterfaceIndex"/>
    /// is the sending interface (<see cref="InterfaceIndexOf"/>), or −1 when the flow comes from the internet.</summary>
    public Decision Decide(in FlowKey flow, int sourceInterfaceIndex) =>
        Run(default(NullRecorder), default(NullRecorder), in flow, sourceInterfaceIndex);

    private Decision Run<TRec>(TRec forward, TRec reply, in FlowKey flow, int source) where TRec : IPathRecorder
    {
        var st = new WalkState
        {
            Packet = flow,
            IdentityPreserved = true,
            NatGateway = -1,
            EgressOnlyGateway = -1,
            Peering = -1,
            Sender = -1,
        };
        if (source >= 0)
            FromInterface(forward, ref st, source);
        else
            FromInternet(forward, ref st);
        if (st.End == WalkEnd.Dropped)
            return new Decision(Verdict.Dropped, st.Reason, PathDirection.Forward);
        if (st.End == WalkEnd.Service)
            return Decision.Accepted;

        var back = new WalkState
        {
            Packet = st.Packet.Reply(),
            Reply = true,
            IdentityPreserved = true,
            NatGateway = st.NatGateway,
            NatOriginalSource = st.NatOriginalSource,
            NatOriginalPort = st.NatOriginalPort,
            EgressOnlyGateway = st.EgressOnlyGateway,
            Peering = -1,
            Sender = -1,
        };
        if (st.End == WalkEnd.Interface)
            FromInterface(reply, ref back, st.EndInterface);
        else if (st.End == WalkEnd.AwsService)
            FromGatewayEndpoint(reply, ref back, st.GatewayEndpoint);
        else
            FromInternet(reply, ref back);
        if (back.End == WalkEnd.Dropped)
            return new Decision(Verdict.Dropped, back.Reason, PathDirection.Return);

        // The reply must come back to the requester as the request's exact mirror, or the connection never forms.
        bool home = source >= 0
            ? back.End == WalkEnd.Interface && back.EndInterface == source
            : back.End == WalkEnd.Internet;
        if (!home || back.Packet.Destination != flow.Source || back.Packet.Source != flow.Destination)
        {
            Drop(reply, ref back, DropReason.AsymmetricReturnPath);
            return new Decision(Verdict.Dropped, DropReason.AsymmetricReturnPath, PathDirection.Return);
        }
        return Decision.Accepted;
    }

    private static void Drop<TRec>(TRec rec, ref WalkState st, DropReason reason) where TRec : IPathRecorder
    {
        rec.Drop(reason);
        st.End = WalkEnd.Dropped;
        st.Reason = reason;
    }

    private int FindInterface(int vpc, in IpAddress address) =>
        (address.Family == IpFamily.V4
            ? _privateV4.TryGetValue(V4Key(vpc, address), out int eni)
            : _privateV6.TryGetValue(new VpcAddress(vpc, address), out eni)) ? eni : -1;

    /// <summary>Longest-prefix match in a route table: a scan of its slice (longest first) for small tables, the
    /// interval LPM table for large ones. Returns the table's route index, or −1.</summary>
    private int FindRoute(int table, in IpAddress destination)
    {
        ref readonly var slice = ref _tableSlices[table];
        if (slice.Large)
            return _routeTables[table].Find(destination);
        int start, count;
        if (destination.Family == IpFamily.V4)
        {
            start = slice.V4Start;
            count = slice.V4Count;
        }
        else
        {
            start = slice.V6Start;
            count = slice.V6Count;
        }
        var entries = _routeEntries;
        var value = destination.Value;
        for (int i = start, end = start + count; i < end; i++)
        {
            ref readonly var e = ref entries[i];
            if ((value & e.Mask) == e.Network)
                return e.Route;
        }
        return -1;
    }

    /// <summary>True when the address is one of the interface's own. The primary address is compared first, so
    /// the usual case costs no hash lookup.</summary>
    private bool Owns(int eni, in IpAddress address)
    {
        ref readonly var e = ref _interfaces[eni];
        if (address.Family == IpFamily.V4 ? e.HasV4 && address.Value == e.PrimaryV4Value
                : e.HasV6 && address.Value == e.PrimaryV6Value)
            return true;
        return FindInterface(e.Vpc, address) == eni;
    }

    private ServiceKind ServiceAt(int vpc, in IpAddress destination)
    {
        if (destination.Family == IpFamily.V4)
        {
            if (destination.Value == DnsV4 || destination == _vpcs[vpc].DnsResolver)
                return ServiceKind.Dns;
            return destination.Value == ImdsV4 ? ServiceKind.Metadata : ServiceKind.None;
        }
        if (destination.Value == DnsV6)
            return ServiceKind.Dns;
        return destination.Value == ImdsV6 ? ServiceKind.Metadata : ServiceKind.None;
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

    /// <summary>An interface sends the packet: its own checks, then its subnet's routing.</summary>
    private void FromInterface<TRec>(TRec rec, ref WalkState st, int eni) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[eni];
        rec.Interface(eni, HopAction.Sent, in st.Packet);
        if (e.IsVpcEndpoint && !st.Reply)
        {
            // The service behind an interface endpoint never opens connections into the VPC.
            Drop(rec, ref st, DropReason.VpceIntraVpcTraffic);
            return;
        }
        if (!e.Usable)
        {
            Drop(rec, ref st, DropReason.BadState);
            return;
        }
        if (e.SourceDestCheck && !Owns(eni, st.Packet.Source))
        {
            Drop(rec, ref st, DropReason.EniSourceDestCheckRestriction);
            return;
        }
        if (!st.Reply)
        {
            var service = ServiceAt(e.Vpc, st.Packet.Destination);
            if (service != ServiceKind.None)
            {
                // The resolver and the metadata service are never filtered by security groups or NACLs.
                rec.Service(service, e.Vpc, in st.Packet);
                if (service == ServiceKind.Dns && !_vpcs[e.Vpc].DnsSupport)
                {
                    Drop(rec, ref st, DropReason.DnsSupportDisabled);
                    return;
                }
                st.End = WalkEnd.Service;
                return;
            }
            if (!SecurityGroupAllows(rec, ref st, eni, egress: true))
                return;
        }
        st.Sender = eni;
        RouteFromSubnet(rec, ref st, e.Subnet);
    }

    /// <summary>The packet leaves an interface of <paramref name="subnet"/> (or its NAT gateway) toward the VPC router.</summary>
    private void RouteFromSubnet<TRec>(TRec rec, ref WalkState st, int subnet) where TRec : IPathRecorder
    {
        if (++st.Steps > MaxForwardingSteps)
        {
            Drop(rec, ref st, DropReason.ForwardingLoop);
            return;
        }
        ref readonly var s = ref _subnets[subnet];
        var destination = st.Packet.Destination;

        // Same subnet: layer 2. No route table, no NACL.
        if (s.Contains(destination))
        {
            int target = FindInterface(s.Vpc, destination);
            if (target < 0)
            {
                rec.Subnet(subnet, in st.Packet);
                Drop(rec, ref st, DropReason.NoPossibleDestination);
                return;
            }
            ArriveAtInterface(rec, ref st, target, crossing: false);
            return;
        }

        int route = FindRoute(s.RouteTable, destination);
        int routeBase = _tableSlices[s.RouteTable].RouteBase;
        // NACLs guard the subnet's edge: a route to a middlebox or NAT gateway in the same subnet stays inside.
        bool crossing = true;
        if (route >= 0)
        {
            ref readonly var r = ref _routes[routeBase + route];
            if (!r.Blackhole)
            {
                if (r.Kind is RouteTargetKind.NetworkInterface or RouteTargetKind.Instance)
                    crossing = _interfaces[r.Target].Subnet != subnet;
                else if (r.Kind == RouteTargetKind.NatGateway)
                    crossing = _nats[r.Target].Subnet != subnet;
            }
        }
        if (crossing && !AclAllows(rec, ref st, subnet, egress: true))
            return;
        rec.Route(s.RouteTable, route, subnet, in st.Packet);
        if (route < 0)
        {
            Drop(rec, ref st, DropReason.NoRouteToDestination);
            return;
        }
        ref readonly var chosen = ref _routes[routeBase + route];
        if (chosen.Blackhole)
        {
            Drop(rec, ref st, DropReason.BadStateRoute);
            return;
        }
        if (st.Peering >= 0 && chosen.Kind is not (RouteTargetKind.Local or RouteTargetKind.NetworkInterface or RouteTargetKind.Instance))
        {
            // Arrived over a peering: it may not leave this VPC again (not transitive, not edge to edge).
            rec.Gateway(ComponentKind.VpcPeeringConnection, st.Peering, HopAction.Forwarded, in st.Packet);
            Drop(rec, ref st, chosen.Kind == RouteTargetKind.NatGateway ? DropReason.NgwRequiresSourceInVpc : DropReason.PcxRequiresAddressInVpcCidr);
            return;
        }
        switch (chosen.Kind)
        {
            case RouteTargetKind.VpcPeeringConnection:
                CrossPeering(rec, ref st, chosen.Target, s.Vpc);
                return;
            case RouteTargetKind.Local:
            {
                int target = FindInterface(s.Vpc, destination);
                if (target < 0)
                {
                    Drop(rec, ref st, DropReason.NoPossibleDestination);
                    return;
                }
                ArriveAtInterface(rec, ref st, target, crossing: _interfaces[target].Subnet != subnet);
                return;
            }
            case RouteTargetKind.InternetGateway:
                InternetGatewayEgress(rec, ref st, chosen.Target, s.Vpc);
                return;
            case RouteTargetKind.EgressOnlyInternetGateway:
                EgressOnlyEgress(rec, ref st, chosen.Target);
                return;
            case RouteTargetKind.NatGateway:
                ArriveAtNatGateway(rec, ref st, chosen.Target, crossing);
                return;
            case RouteTargetKind.NetworkInterface or RouteTargetKind.Instance:
                ArriveAtInterface(rec, ref st, chosen.Target, crossing);
                return;
            case RouteTargetKind.GatewayEndpoint:
                GatewayEndpointEgress(rec, ref st, chosen.Target);
                return;
            default:
                Drop(rec, ref st, DropReason.BadStateRoute);
                return;
        }
    }

    /// <summary>The packet reaches an interface: its subnet's NACL (when it crossed the edge), then the interface
    /// receives it (destination) or relays it (middlebox).</summary>
    private void ArriveAtInterface<TRec>(TRec rec, ref WalkState st, int target, bool crossing) where TRec : IPathRecorder
    {
        ref readonly var t = ref _interfaces[target];
        rec.Arrive(target, in st.Packet);
        if (crossing && !AclAllows(rec, ref st, t.Subnet, egress: false))
            return;
        if (t.NatGateway >= 0)
        {
            NatGatewayReceive(rec, ref st, t.NatGateway);
            return;
        }
        if (t.IsVpcEndpoint)
        {
            ArriveAtInterfaceEndpoint(rec, ref st, target);
            return;
        }
        if (!t.Usable)
        {
            rec.Interface(target, HopAction.Forwarded, in st.Packet);
            Drop(rec, ref st, DropReason.BadState);
            return;
        }
        bool addressed = Owns(target, st.Packet.Destination);
        if (!addressed && t.SourceDestCheck)
        {
            rec.Interface(target, HopAction.Forwarded, in st.Packet);
            Drop(rec, ref st, DropReason.EniSourceDestCheckRestriction);
            return;
        }
        if (!st.Reply && !SecurityGroupAllows(rec, ref st, target, egress: false))
            return;
        if (addressed)
        {
            rec.Interface(target, HopAction.Delivered, in st.Packet);
            st.End = WalkEnd.Interface;
            st.EndInterface = target;
            return;
        }
        // A middlebox (source/destination check off) relays the packet unchanged; what it sends is subject to
        // its own outbound rules, and the original sender's group identity does not survive the relay.
        rec.Interface(target, HopAction.Forwarded, in st.Packet);
        st.IdentityPreserved = false;
        if (!st.Reply && !SecurityGroupAllows(rec, ref st, target, egress: true))
            return;
        st.Sender = target;
        RouteFromSubnet(rec, ref st, t.Subnet);
    }
}
