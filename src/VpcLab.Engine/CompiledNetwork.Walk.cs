using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// The data plane, written once. Decide runs it with a recorder that does nothing (the JIT removes the calls);
// Trace runs the same code with a recorder that writes hops, so the two cannot disagree.
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

    /// <summary>True when the address is one of the interface's own. The primary address is compared first, so
    /// the usual case costs no hash lookup.</summary>
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

    /// <summary>A route sends the packet to a NAT gateway: it rewrites the source to its private address and a
    /// port in 1024–65535, then routes on with its own subnet's table.</summary>
    private void ArriveAtNatGateway<TRec>(TRec rec, ref WalkState st, int nat, bool crossing) where TRec : IPathRecorder
    {
        ref readonly var n = ref _nats[nat];
        rec.Arrive(n.Interface, in st.Packet);
        if (crossing && !AclAllows(rec, ref st, n.Subnet, egress: false))
            return;
        var p = st.Packet;
        if (st.Reply)
        {
            // The request did not come through this NAT gateway, so the reply would leave from its address.
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            Drop(rec, ref st, DropReason.AsymmetricReturnPath);
            return;
        }
        if (p.Family != IpFamily.V4 || p.Protocol.Number is not (6 or 17 or 1))
        {
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            Drop(rec, ref st, DropReason.ProtocolRestriction);
            return;
        }
        st.NatGateway = nat;
        st.NatOriginalSource = p.Source;
        st.NatOriginalPort = p.SourcePort;
        ushort port = p.Protocol.HasPorts ? MapPort(p.SourcePort) : p.SourcePort;
        st.Packet = new FlowKey(n.PrivateIp, p.Destination, p.Protocol, port, p.DestinationPort);
        st.IdentityPreserved = false;
        st.FromEdge = true;
        rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Translated, in st.Packet);
        st.Sender = n.Interface;
        RouteFromSubnet(rec, ref st, n.Subnet);
    }

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

    /// <summary>Choice (docs/semantics.md): the NAT gateway keeps a source port that is already 1024 or above
    /// and moves lower ones up by 1024, so traces are deterministic.</summary>
    internal static ushort MapPort(ushort port) => port >= 1024 ? port : (ushort)(port + 1024);

    /// <summary>A packet addressed to the NAT gateway itself: only a reply to a connection it opened passes,
    /// translated back to the original sender.</summary>
    private void NatGatewayReceive<TRec>(TRec rec, ref WalkState st, int nat) where TRec : IPathRecorder
    {
        var p = st.Packet;
        if (!st.Reply || st.NatGateway != nat)
        {
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            Drop(rec, ref st, DropReason.NatGatewayInboundRefused);
            return;
        }
        st.Packet = new FlowKey(p.Source, st.NatOriginalSource, p.Protocol, p.SourcePort,
            p.Protocol.HasPorts ? st.NatOriginalPort : p.DestinationPort);
        rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Translated, in st.Packet);
        st.Sender = _nats[nat].Interface;
        RouteFromSubnet(rec, ref st, _nats[nat].Subnet);
    }

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

    /// <summary>Security groups: the union of the interface's groups, allow-only. Rules are pre-bucketed by
    /// direction, family and protocol; a group reference matches a private address of an interface carrying
    /// the group (in this VPC), and only while the packet still comes from its original sender.</summary>
    private bool SecurityGroupAllows<TRec>(TRec rec, ref WalkState st, int eni, bool egress) where TRec : IPathRecorder
    {
        ref readonly var e = ref _interfaces[eni];
        ref readonly var p = ref st.Packet;
        var peer = egress ? p.Destination : p.Source;
        int at = e.SecurityGroupSet * (ProtocolBuckets.Total + 1) + ProtocolBuckets.Index(egress, p.Family, p.Protocol.Number);
        var rules = _sgRules;
        for (int i = _sgRanges[at], end = _sgRanges[at + 1]; i < end; i++)
        {
            ref readonly var r = ref rules[i];
            if (!r.MatchesPacket(in p))
                continue;
            if (r.PeerGroup >= 0)
            {
                if (!egress && !st.IdentityPreserved)
                    continue;
                // A group of a peer VPC matches only over an active same-Region peering (any accounts).
                int groupVpc = _groupVpc[r.PeerGroup];
                int lookIn = e.Vpc;
                if (groupVpc >= 0 && groupVpc != e.Vpc)
                {
                    if (!_sgReferencePeers.Contains(PairKey(e.Vpc, groupVpc)))
                        continue;
                    lookIn = groupVpc;
                }
                int owner = FindInterface(lookIn, peer);
                if (owner < 0 || !_securityGroupSets[_interfaces[owner].SecurityGroupSet].Contains(r.PeerGroup))
                    continue;
            }
            else if ((peer.Value & r.Mask) != r.Network)
            {
                continue;
            }
            rec.SecurityGroup(eni, egress, r.Group, r.ModelIndex, r.PrefixList, in st.Packet);
            return true;
        }
        rec.SecurityGroup(eni, egress, -1, -1, -1, in st.Packet);
        var set = _securityGroupSets[e.SecurityGroupSet];
        bool any = egress ? set.HasEgressRules : set.HasIngressRules;
        Drop(rec, ref st, any ? DropReason.EniSgRulesMismatch : DropReason.SgHasNoRules);
        return false;
    }

    /// <summary>Network ACL of a subnet in one direction: ascending rule number, first match decides, no match is
    /// the '*' deny. Entries never match the other family.</summary>
    private bool AclAllows<TRec>(TRec rec, ref WalkState st, int subnet, bool egress) where TRec : IPathRecorder
    {
        int aclIndex = _subnets[subnet].Acl;
        ref readonly var p = ref st.Packet;
        var peer = egress ? p.Destination : p.Source;
        int at = aclIndex * (ProtocolBuckets.Total + 1) + ProtocolBuckets.Index(egress, p.Family, p.Protocol.Number);
        var entries = _aclEntries;
        for (int i = _aclRanges[at], end = _aclRanges[at + 1]; i < end; i++)
        {
            ref readonly var entry = ref entries[i];
            if (!entry.Matches(in p, in peer))
                continue;
            rec.Acl(aclIndex, subnet, egress, entry.ModelIndex, entry.Allow, in st.Packet);
            if (!entry.Allow)
                Drop(rec, ref st, DropReason.SubnetAclRestriction);
            return entry.Allow;
        }
        rec.Acl(aclIndex, subnet, egress, -1, false, in st.Packet);
        Drop(rec, ref st, DropReason.SubnetAclRestriction);
        return false;
    }
}
