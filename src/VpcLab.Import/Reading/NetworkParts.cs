using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>The records read so far, keyed by the ids AWS printed. A resource seen twice (a peering connection in
/// both accounts' folders, a shared subnet) is kept once: the first folder read wins.</summary>
internal sealed class NetworkParts
{
    public Dictionary<AccountId, Account> Accounts { get; } = [];
    public Dictionary<VpcId, Vpc> Vpcs { get; } = [];
    public Dictionary<SubnetId, Subnet> Subnets { get; } = [];
    public Dictionary<RouteTableId, RouteTable> RouteTables { get; } = [];
    public Dictionary<InternetGatewayId, InternetGateway> InternetGateways { get; } = [];
    public Dictionary<EgressOnlyInternetGatewayId, EgressOnlyInternetGateway> EgressOnlyInternetGateways { get; } = [];
    public Dictionary<NatGatewayId, NatGateway> NatGateways { get; } = [];
    public Dictionary<AllocationId, ElasticIpAddress> ElasticIps { get; } = [];
    public Dictionary<SecurityGroupId, SecurityGroup> SecurityGroups { get; } = [];
    public Dictionary<NetworkAclId, NetworkAcl> NetworkAcls { get; } = [];
    public Dictionary<NetworkInterfaceId, NetworkInterface> NetworkInterfaces { get; } = [];
    public Dictionary<InstanceId, Instance> Instances { get; } = [];
    public Dictionary<PrefixListId, ManagedPrefixList> PrefixLists { get; } = [];
    public Dictionary<VpcPeeringConnectionId, VpcPeeringConnection> VpcPeeringConnections { get; } = [];
    public Dictionary<VpcEndpointId, VpcEndpoint> VpcEndpoints { get; } = [];
    public Dictionary<FlowLogId, FlowLog> FlowLogs { get; } = [];
    public Dictionary<string, Volume> Volumes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Tags> Tags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DhcpOptionsSet> DhcpOptions { get; } = new(StringComparer.Ordinal);
    public Dictionary<VpcId, string> DhcpAssociations { get; } = [];

    /// <summary>Keeps the resource's tags (none: nothing stored, as the control plane does).</summary>
    public void Tag(string id, IEnumerable<(string Key, string Value)> tags)
    {
        var list = tags.ToArray();
        if (list.Length > 0)
            Tags[id] = Model.Tags.Of(list);
    }
}
