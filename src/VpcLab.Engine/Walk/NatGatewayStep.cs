using System.Runtime.CompilerServices;
using VpcLab.Engine.Compilation;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>A NAT gateway: source translation on the way out, its reverse for the reply; it then hands the packet
/// to its own subnet's routing. IPv6 to 64:ff9b::/96 is translated to IPv4 (NAT64, docs/semantics.md#nat64).</summary>
internal sealed class NatGatewayStep(Topology topology, FilterStep filters)
{
    private readonly CompiledNat[] _nats = topology.Nats;

    /// <summary>A route sends the packet to a NAT gateway: it rewrites the source to its private address and a
    /// port in 1024–65535, then routes on with its own subnet's table.</summary>
    public void Arrive<TRec>(TRec rec, ref WalkState st, int nat, bool crossing) where TRec : IPathRecorder
    {
        ref readonly var n = ref _nats[nat];
        rec.Arrive(n.Interface, in st.Packet);
        if (crossing && !filters.AclAllows(rec, ref st, n.Subnet, egress: false))
            return;
        var p = st.Packet;
        if (st.Reply)
        {
            // The request did not come through this NAT gateway, so the reply would leave from its address.
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            st.Drop(rec, DropReason.AsymmetricReturnPath);
            return;
        }
        if (p.Family == IpFamily.V6)
        {
            Nat64Out(rec, ref st, nat);
            return;
        }
        if (p.Protocol.Number is not (6 or 17 or 1))
        {
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            st.Drop(rec, DropReason.ProtocolRestriction);
            return;
        }
        Translated(rec, ref st, nat,
            new FlowKey(n.PrivateIp, p.Destination, p.Protocol, p.Protocol.HasPorts ? MapPort(p.SourcePort) : p.SourcePort, p.DestinationPort));
    }

    /// <summary>NAT64 (docs/semantics.md#nat64): only the well-known prefix is translated; the IPv4 destination is
    /// its last 32 bits. Kept out of <see cref="Arrive"/> so the IPv4 path stays as short as it was.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Nat64Out<TRec>(TRec rec, ref WalkState st, int nat) where TRec : IPathRecorder
    {
        var p = st.Packet;
        var destination = p.Destination;
        var protocol = p.Protocol;
        ushort destinationPort = p.DestinationPort;
        if (!Nat64Address.IsEmbedded(in destination) || !Nat64Translation.ToIpv4(ref protocol, ref destinationPort))
        {
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            st.Drop(rec, DropReason.ProtocolRestriction);
            return;
        }
        destination = Nat64Address.Extract(in destination);
        Translated(rec, ref st, nat,
            new FlowKey(_nats[nat].PrivateIp, destination, protocol, protocol.HasPorts ? MapPort(p.SourcePort) : p.SourcePort, destinationPort));
    }

    /// <summary>The request leaves translated: the gateway remembers the original sender for the reply, and routes
    /// on with its own subnet's table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Translated<TRec>(TRec rec, ref WalkState st, int nat, in FlowKey translated) where TRec : IPathRecorder
    {
        ref readonly var n = ref _nats[nat];
        st.NatGateway = nat;
        st.NatOriginalSource = st.Packet.Source;
        st.NatOriginalPort = st.Packet.SourcePort;
        st.Packet = translated;
        st.IdentityPreserved = false;
        st.FromEdge = true;
        rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Translated, in st.Packet);
        st.Sender = n.Interface;
        st.RouteFrom(n.Subnet);
    }

    /// <summary>Choice (docs/semantics.md): the NAT gateway keeps a source port that is already 1024 or above
    /// and moves lower ones up by 1024, so traces are deterministic.</summary>
    public static ushort MapPort(ushort port) => port >= 1024 ? port : (ushort)(port + 1024);

    /// <summary>A packet addressed to the NAT gateway itself: only a reply to a connection it opened passes,
    /// translated back to the original sender.</summary>
    public void Receive<TRec>(TRec rec, ref WalkState st, int nat) where TRec : IPathRecorder
    {
        var p = st.Packet;
        if (!st.Reply || st.NatGateway != nat)
        {
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            st.Drop(rec, DropReason.NatGatewayInboundRefused);
            return;
        }
        if (st.NatOriginalSource.IsV6)
        {
            Nat64Back(rec, ref st, nat);
            return;
        }
        st.Packet = new FlowKey(p.Source, st.NatOriginalSource, p.Protocol, p.SourcePort,
            p.Protocol.HasPorts ? st.NatOriginalPort : p.DestinationPort);
        rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Translated, in st.Packet);
        st.Sender = _nats[nat].Interface;
        st.RouteFrom(_nats[nat].Subnet);
    }

    /// <summary>NAT64's reverse: the IPv4 source gets 64:ff9b::/96 in front, the destination is the host's IPv6.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Nat64Back<TRec>(TRec rec, ref WalkState st, int nat) where TRec : IPathRecorder
    {
        var p = st.Packet;
        var protocol = p.Protocol;
        ushort destinationPort = p.Protocol.HasPorts ? st.NatOriginalPort : p.DestinationPort;
        if (p.Family != IpFamily.V4 || !Nat64Translation.ToIpv6(ref protocol, ref destinationPort))
        {
            rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Forwarded, in p);
            st.Drop(rec, DropReason.ProtocolRestriction);
            return;
        }
        var source = p.Source;
        st.Packet = new FlowKey(Nat64Address.Embed(in source), st.NatOriginalSource, protocol, p.SourcePort, destinationPort);
        rec.Gateway(ComponentKind.NatGateway, nat, HopAction.Translated, in st.Packet);
        st.Sender = _nats[nat].Interface;
        st.RouteFrom(_nats[nat].Subnet);
    }
}
