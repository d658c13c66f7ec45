namespace VpcLab.Engine;

/// <summary>The path a packet takes after it leaves an interface, as flow logs' <c>traffic-path</c> numbers it
/// (egress only). VpcLab models every instance as Nitro-based, so the internet gateway is 8 and a gateway endpoint 7.</summary>
public enum EgressPath : byte
{
    /// <summary>Not known, or the packet was not routed (printed '-').</summary>
    None = 0,
    /// <summary>Another resource in the same VPC, including a NAT gateway or a middlebox interface.</summary>
    SameVpc = 1,
    InternetGatewayOrGatewayEndpoint = 2,
    VirtualPrivateGateway = 3,
    IntraRegionPeering = 4,
    InterRegionPeering = 5,
    LocalGateway = 6,
    GatewayEndpoint = 7,
    InternetGateway = 8,
}

/// <summary>What one interface saw of one packet of a flow: the packet as it crossed the interface, in which
/// direction, and whether the interface's security groups and subnet NACL let it through. Flow logs are made of
/// these. A packet yields one observation per interface it crosses (sender out, NAT gateway in and out, middlebox in
/// and out, receiver in); a rejected packet is seen only up to the interface that rejected it.</summary>
public readonly record struct InterfaceObservation(int InterfaceIndex, PathDirection Path, TrafficDirection Direction,
    FlowKey Packet, bool Accepted, EgressPath EgressPath);
