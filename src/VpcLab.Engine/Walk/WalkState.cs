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

    /// <summary>A fresh walk of <paramref name="packet"/>; a reply carries the request's gateway state.</summary>
    public static WalkState Start(in FlowKey packet) => new()
    {
        Packet = packet,
        IdentityPreserved = true,
        NatGateway = -1,
        EgressOnlyGateway = -1,
        Peering = -1,
        Sender = -1,
    };

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
