using System.Runtime.CompilerServices;
using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>How a walk ended.</summary>
internal enum WalkEnd : byte
{
    Dropped,
    Interface,
    Internet,
    Service,
    /// <summary>An AWS service reached through a gateway endpoint (<see cref="WalkState.GatewayEndpoint"/>).</summary>
    AwsService,
}

/// <summary>Where the packet goes next, set by the step it just crossed; the <see cref="Router"/> takes it from
/// there, so steps never call each other.</summary>
internal enum WalkNext : byte
{
    Stop,
    /// <summary>The packet leaves an interface of subnet <see cref="WalkState.NextIndex"/> toward the VPC router.</summary>
    RouteFromSubnet,
    /// <summary>The packet reaches interface <see cref="WalkState.NextIndex"/> (through its subnet's NACL when
    /// <see cref="WalkState.NextCrossing"/>).</summary>
    ArriveAtInterface,
    /// <summary>A provider's load balancer node sends a PrivateLink reply back to the consumer's endpoint interface
    /// <see cref="WalkState.PrivateLinkEndpoint"/>.</summary>
    PrivateLinkReturn,
}

/// <summary>The link-local services every VPC has, answered without security groups or NACLs.</summary>
internal enum VpcService : byte
{
    None,
    Dns,
    Metadata,
}

/// <summary>One packet's walk: the packet as it is now, the connection state the request leaves in stateful
/// gateways (which its reply relies on), how the walk ended, and where it goes next.</summary>
internal struct WalkState
{
    public FlowKey Packet;
    public bool Reply;
    /// <summary>False once a middlebox relayed the packet: security group references no longer match.</summary>
    public bool IdentityPreserved;
    public int Steps;
    /// <summary>The interface that last put the packet on the wire (sender, middlebox, NAT gateway), else −1.</summary>
    public int Sender;
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
    public WalkNext Next;
    public int NextIndex;
    public bool NextCrossing;
    /// <summary>The load balancer node that forwarded the request (its reply goes back through it), else −1; the
    /// client's address and port and the listener's port it restores.</summary>
    public int BalancerNode;
    public ushort BalancerClientPort;
    public ushort BalancerListenerPort;
    public IpAddress BalancerClient;
    /// <summary>The consumer's endpoint interface a PrivateLink connection came through (its reply goes back there),
    /// else −1; the endpoint address the client connected to. The client's address and port are the
    /// <see cref="BalancerClient"/> ones.</summary>
    public int PrivateLinkEndpoint;
    public IpAddress PrivateLinkFront;

    /// <summary>Starts a fresh walk of <paramref name="packet"/> in <paramref name="st"/>; a reply then takes the
    /// request's gateway state. Written into the caller's variable: a constructor or a factory builds this
    /// large struct (about 200 bytes with the load balancer state) in a temporary and copies it over with a memmove
    /// call, on every walk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Begin(out WalkState st, in FlowKey packet)
    {
        st = default;
        st.Packet = packet;
        st.IdentityPreserved = true;
        st.NatGateway = -1;
        st.EgressOnlyGateway = -1;
        st.Peering = -1;
        st.Sender = -1;
        st.BalancerNode = -1;
        st.PrivateLinkEndpoint = -1;
    }

    public void Drop<TRec>(TRec rec, DropReason reason) where TRec : IPathRecorder
    {
        rec.Drop(reason);
        End = WalkEnd.Dropped;
        Reason = reason;
        Next = WalkNext.Stop;
    }

    public void Deliver(int eni)
    {
        End = WalkEnd.Interface;
        EndInterface = eni;
    }

    public void RouteFrom(int subnet)
    {
        Next = WalkNext.RouteFromSubnet;
        NextIndex = subnet;
    }

    public void ArriveAt(int eni, bool crossing)
    {
        Next = WalkNext.ArriveAtInterface;
        NextIndex = eni;
        NextCrossing = crossing;
    }
}
