namespace VpcLab.Engine;

/// <summary>Flow logs' <c>traffic-path</c>: the path a packet takes after it leaves an interface, by AWS's codes
/// 1–8 (spec/flow-logs.md §2.5), written on egress records only. VpcLab models every instance as Nitro-based, so
/// the internet gateway is 8 and a gateway endpoint 7; a VPC peering connection is 4 within a Region, 5 across.</summary>
public enum TrafficPath : byte
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
