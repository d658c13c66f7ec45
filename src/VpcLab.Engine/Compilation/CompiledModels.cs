using System.Collections.Frozen;
using VpcLab.Model;

namespace VpcLab.Engine.Compilation;

/// <summary>The model records behind the compiled indices, each array sorted by id: what traces name and what the
/// public lookups return. Never read on the fast path.</summary>
internal sealed class CompiledModels
{
    public required Network Network { get; init; }
    public required Vpc[] Vpcs { get; init; }
    public required Subnet[] Subnets { get; init; }
    public required NetworkInterface[] Interfaces { get; init; }
    public required SecurityGroup[] SecurityGroups { get; init; }
    public required InternetGateway[] InternetGateways { get; init; }
    public required EgressOnlyInternetGateway[] EgressOnlyInternetGateways { get; init; }
    public required NatGateway[] NatGateways { get; init; }
    public required ManagedPrefixList[] PrefixLists { get; init; }
    public required VpcPeeringConnection[] Peerings { get; init; }
    public required VpcEndpoint[] GatewayEndpoints { get; init; }
    public required VpcEndpoint[] InterfaceEndpoints { get; init; }
    public required FrozenDictionary<VpcId, int> VpcIndex { get; init; }
    public required FrozenDictionary<SubnetId, int> SubnetIndex { get; init; }
    public required FrozenDictionary<NetworkInterfaceId, int> InterfaceIndex { get; init; }
    public required FrozenDictionary<SecurityGroupId, int> SecurityGroupIndex { get; init; }
    public required FrozenDictionary<InternetGatewayId, int> InternetGatewayIndex { get; init; }
    public required FrozenDictionary<EgressOnlyInternetGatewayId, int> EgressOnlyInternetGatewayIndex { get; init; }
    public required FrozenDictionary<NatGatewayId, int> NatGatewayIndex { get; init; }
    public required FrozenDictionary<PrefixListId, int> PrefixListIndex { get; init; }
    public required FrozenDictionary<VpcPeeringConnectionId, int> PeeringIndex { get; init; }
    public required FrozenDictionary<VpcEndpointId, int> GatewayEndpointIndex { get; init; }

    /// <summary>The compiled index of an instance's primary interface, or −1.</summary>
    public int InstancePrimaryInterface(InstanceId id) =>
        Network.Instances.TryGetValue(id, out var instance) && !instance.NetworkInterfaces.IsDefaultOrEmpty
            ? InterfaceIndex.GetValueOrDefault(instance.PrimaryNetworkInterface, -1)
            : -1;
}
