using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>What is where: VPCs, subnets, interfaces, NAT gateways, peerings and endpoints as small structs
/// indexed by compiled index (the indices of <see cref="CompiledModels"/>).</summary>
internal sealed class Topology
{
    public required CompiledVpc[] Vpcs { get; init; }
    public required CompiledSubnet[] Subnets { get; init; }
    public required CompiledInterface[] Interfaces { get; init; }
    public required CompiledNat[] Nats { get; init; }
    public required CompiledPeering[] Peerings { get; init; }
    /// <summary>The VPC index of each egress-only internet gateway (−1 when its VPC is not in the snapshot).</summary>
    public required int[] EgressOnlyVpc { get; init; }
    /// <summary>Every VPC's associated CIDRs; <see cref="CompiledVpc.CidrStart"/> says where a VPC's begin.</summary>
    public required VpcCidrEntry[] VpcCidrEntries { get; init; }
    /// <summary>The VPC index of each gateway endpoint (−1 when its VPC is not in the snapshot).</summary>
    public required int[] GatewayEndpointVpc { get; init; }
    /// <summary>Per compiled interface: the interface endpoint it belongs to, else −1.</summary>
    public required int[] EndpointOfInterface { get; init; }
    /// <summary>Per interface endpoint: true when it carries traffic (state available).</summary>
    public required bool[] InterfaceEndpointAvailable { get; init; }
    /// <summary>Per compiled interface of an interface endpoint to a provider's service: the load balancer node it
    /// hands connections to (<see cref="PrivateLinkCompiler"/>).</summary>
    public required int[] PrivateLinkNode { get; init; }
    /// <summary>Network Load Balancers: which interfaces are nodes, and what each node's listeners do.</summary>
    public required LoadBalancerTables LoadBalancers { get; init; }

    public bool InVpcCidrs(int vpc, in IpAddress address)
    {
        ref readonly var v = ref Vpcs[vpc];
        var entries = VpcCidrEntries;
        for (int i = v.CidrStart, end = v.CidrStart + v.CidrCount; i < end; i++)
        {
            ref readonly var e = ref entries[i];
            if (e.Family == address.Family && (address.Value & e.Mask) == e.Network)
                return true;
        }
        return false;
    }

    public bool ActivelyPeered(int a, int b)
    {
        foreach (var p in Peerings)
        {
            if (p.Active && ((p.Requester == a && p.Accepter == b) || (p.Requester == b && p.Accepter == a)))
                return true;
        }
        return false;
    }
}
