using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One consistent snapshot of a whole world: every account, Region and resource. Immutable: a change
/// is a new snapshot (<c>network with { Vpcs = … }</c>), so readers (the engine, a describe call) never see a
/// half-applied operation and a compiled form can be cached per snapshot.</summary>
public sealed record Network(
    ImmutableDictionary<AccountId, Account> Accounts,
    ImmutableDictionary<string, Region> Regions,
    ImmutableDictionary<VpcId, Vpc> Vpcs,
    ImmutableDictionary<SubnetId, Subnet> Subnets,
    ImmutableDictionary<RouteTableId, RouteTable> RouteTables,
    ImmutableDictionary<InternetGatewayId, InternetGateway> InternetGateways,
    ImmutableDictionary<EgressOnlyInternetGatewayId, EgressOnlyInternetGateway> EgressOnlyInternetGateways,
    ImmutableDictionary<NatGatewayId, NatGateway> NatGateways,
    ImmutableDictionary<AllocationId, ElasticIpAddress> ElasticIps,
    ImmutableDictionary<SecurityGroupId, SecurityGroup> SecurityGroups,
    ImmutableDictionary<NetworkAclId, NetworkAcl> NetworkAcls,
    ImmutableDictionary<NetworkInterfaceId, NetworkInterface> NetworkInterfaces,
    ImmutableDictionary<InstanceId, Instance> Instances,
    ImmutableDictionary<PrefixListId, ManagedPrefixList> PrefixLists,
    ImmutableDictionary<string, Tags> Tags)
{
    /// <summary>Peering connections of every state (deleted and failed ones stay visible for a while, as on AWS).</summary>
    public ImmutableDictionary<VpcPeeringConnectionId, VpcPeeringConnection> VpcPeeringConnections { get; init; } =
        ImmutableDictionary<VpcPeeringConnectionId, VpcPeeringConnection>.Empty;

    /// <summary>VPC endpoints (gateway and interface) of every account and Region.</summary>
    public ImmutableDictionary<VpcEndpointId, VpcEndpoint> VpcEndpoints { get; init; } =
        ImmutableDictionary<VpcEndpointId, VpcEndpoint>.Empty;

    /// <summary>Endpoint services (vpce-svc-…, the provider side of PrivateLink) of every account and Region. Their
    /// connections are the interface endpoints whose <see cref="VpcEndpoint.ServiceName"/> is the service's name.</summary>
    public ImmutableDictionary<VpcEndpointServiceId, VpcEndpointServiceConfiguration> VpcEndpointServiceConfigurations { get; init; } =
        ImmutableDictionary<VpcEndpointServiceId, VpcEndpointServiceConfiguration>.Empty;

    /// <summary>The endpoint service of that name (com.amazonaws.vpce.REGION.vpce-svc-…), or null. The name ends with
    /// the service's id (<see cref="VpcEndpointServiceConfiguration.ServiceName"/>), so it is looked up by that id and
    /// the whole name compared: no scan of the services.</summary>
    public VpcEndpointServiceConfiguration? EndpointServiceNamed(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        var dot = serviceName.LastIndexOf('.');
        return dot >= 0 && VpcEndpointServiceConfigurations.TryGetValue(new VpcEndpointServiceId(serviceName[(dot + 1)..]), out var service)
            && service.ServiceName == serviceName ? service : null;
    }

    /// <summary>S3 buckets by name (bucket names are global), with their Region and policy.</summary>
    public ImmutableDictionary<string, S3Bucket> Buckets { get; init; } =
        ImmutableDictionary<string, S3Bucket>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>EC2 key pairs of every account and Region, by id (key-…).</summary>
    public ImmutableDictionary<string, KeyPair> KeyPairs { get; init; } = ImmutableDictionary<string, KeyPair>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>DHCP options sets of every account and Region, by id (dopt-…); a VPC names its own in
    /// <see cref="Vpc.DhcpOptionsId"/>.</summary>
    public ImmutableDictionary<string, DhcpOptionsSet> DhcpOptions { get; init; } =
        ImmutableDictionary<string, DhcpOptionsSet>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>EBS volumes of every account and Region, by id (vol-…): plain records (docs/semantics.md#ebs-volumes).</summary>
    public ImmutableDictionary<string, Volume> Volumes { get; init; } = ImmutableDictionary<string, Volume>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>EC2 launch templates of every account and Region, by id (lt-…), with their versions.</summary>
    public ImmutableDictionary<string, LaunchTemplate> LaunchTemplates { get; init; } =
        ImmutableDictionary<string, LaunchTemplate>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Subnet CIDR reservations of every account and Region, by id (scr-…).</summary>
    public ImmutableDictionary<string, SubnetCidrReservation> SubnetCidrReservations { get; init; } =
        ImmutableDictionary<string, SubnetCidrReservation>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Flow logs of every account and Region.</summary>
    public ImmutableDictionary<FlowLogId, FlowLog> FlowLogs { get; init; } = ImmutableDictionary<FlowLogId, FlowLog>.Empty;

    /// <summary>Network Load Balancers of every account and Region, by ARN.</summary>
    public ImmutableDictionary<LoadBalancerArn, LoadBalancer> LoadBalancers { get; init; } =
        ImmutableDictionary<LoadBalancerArn, LoadBalancer>.Empty;

    /// <summary>Load balancer target groups of every account and Region, by ARN.</summary>
    public ImmutableDictionary<TargetGroupArn, TargetGroup> TargetGroups { get; init; } =
        ImmutableDictionary<TargetGroupArn, TargetGroup>.Empty;

    /// <summary>Load balancer listeners of every account and Region, by ARN.</summary>
    public ImmutableDictionary<ListenerArn, Listener> Listeners { get; init; } =
        ImmutableDictionary<ListenerArn, Listener>.Empty;

    public static readonly Network Empty = new(
        ImmutableDictionary<AccountId, Account>.Empty,
        ImmutableDictionary<string, Region>.Empty,
        ImmutableDictionary<VpcId, Vpc>.Empty,
        ImmutableDictionary<SubnetId, Subnet>.Empty,
        ImmutableDictionary<RouteTableId, RouteTable>.Empty,
        ImmutableDictionary<InternetGatewayId, InternetGateway>.Empty,
        ImmutableDictionary<EgressOnlyInternetGatewayId, EgressOnlyInternetGateway>.Empty,
        ImmutableDictionary<NatGatewayId, NatGateway>.Empty,
        ImmutableDictionary<AllocationId, ElasticIpAddress>.Empty,
        ImmutableDictionary<SecurityGroupId, SecurityGroup>.Empty,
        ImmutableDictionary<NetworkAclId, NetworkAcl>.Empty,
        ImmutableDictionary<NetworkInterfaceId, NetworkInterface>.Empty,
        ImmutableDictionary<InstanceId, Instance>.Empty,
        ImmutableDictionary<PrefixListId, ManagedPrefixList>.Empty,
        ImmutableDictionary<string, Tags>.Empty);

    /// <summary>The tags of any resource by id (empty when it has none).</summary>
    public Tags TagsOf(string resourceId) => Tags.GetValueOrDefault(resourceId, Model.Tags.Empty);

    /// <summary>The display name of a resource: its Name tag, else its id.</summary>
    public string NameOf(string resourceId) => TagsOf(resourceId).Name ?? resourceId;

    public RouteTable MainRouteTable(VpcId vpc) =>
        RouteTables.Values.First(t => t.VpcId == vpc && t.IsMain);

    /// <summary>AWS: a subnet uses its explicitly associated table, else the VPC's main table.</summary>
    public RouteTable RouteTableFor(SubnetId subnetId) =>
        SubnetAssociations.Of(this).RouteTableOf(Subnets[subnetId])
        ?? throw new InvalidOperationException($"The VPC of {subnetId} has no main route table.");

    /// <summary>Every subnet is associated with exactly one network ACL (the VPC's default unless replaced).</summary>
    public NetworkAcl NetworkAclFor(SubnetId subnetId) =>
        SubnetAssociations.Of(this).NetworkAclOf(Subnets[subnetId])
        ?? throw new InvalidOperationException($"The VPC of {subnetId} has no default network ACL.");

    public SecurityGroup DefaultSecurityGroup(VpcId vpc) =>
        SecurityGroups.Values.First(g => g.VpcId == vpc && g.IsDefault);

    public IEnumerable<Subnet> SubnetsOf(VpcId vpc) => Subnets.Values.Where(s => s.VpcId == vpc);

    public IEnumerable<NetworkInterface> NetworkInterfacesIn(SubnetId subnet) =>
        NetworkInterfaces.Values.Where(n => n.SubnetId == subnet);

    /// <summary>The Elastic IP associated with a private address of an interface, if any (from an index built once
    /// per snapshot's Elastic IPs, not a scan: <see cref="ElasticIpIndex"/>).</summary>
    public ElasticIpAddress? ElasticIpFor(NetworkInterfaceId eni, IpAddress privateIp) => ElasticIpIndex.Of(ElasticIps).Find(eni, privateIp);

    /// <summary>The world with the Elastic IP <paramref name="id"/> set to <paramref name="address"/> (null: released),
    /// its lookup by association (<see cref="ElasticIpFor"/>) carried over with the one change, not rebuilt.</summary>
    public Network WithElasticIp(AllocationId id, ElasticIpAddress? address)
    {
        var was = ElasticIps.GetValueOrDefault(id);
        var elasticIps = address is null ? ElasticIps.Remove(id) : ElasticIps.SetItem(id, address);
        ElasticIpIndex.Derive(ElasticIps, elasticIps, was, address);
        return this with { ElasticIps = elasticIps };
    }

    /// <summary>The public IPv4 that the internet gateway maps a private address to: an associated Elastic IP,
    /// else the public IP auto-assigned at launch.</summary>
    public IpAddress? PublicIpFor(NetworkInterface eni, PrivateIpAddress privateIp) =>
        ElasticIpFor(eni.Id, privateIp.Address)?.PublicIp ?? privateIp.AutoAssignedPublicIp;

    /// <summary>AWS marks a route blackhole when its target is gone or not usable: a deleted or detached gateway,
    /// a NAT gateway that is not available, an instance that is not running (docs/semantics.md#route-state).</summary>
    public RouteState RouteState(RouteTable table, Route route)
    {
        bool active = route.Target.Kind switch
        {
            RouteTargetKind.Local => true,
            RouteTargetKind.InternetGateway =>
                InternetGateways.TryGetValue(new InternetGatewayId(route.Target.Id), out var igw) && igw.AttachedVpcId == table.VpcId,
            RouteTargetKind.EgressOnlyInternetGateway =>
                EgressOnlyInternetGateways.TryGetValue(new EgressOnlyInternetGatewayId(route.Target.Id), out var eigw) && eigw.VpcId == table.VpcId,
            RouteTargetKind.NatGateway =>
                NatGateways.TryGetValue(new NatGatewayId(route.Target.Id), out var nat) && nat.State is NatGatewayState.Available or NatGatewayState.Pending,
            RouteTargetKind.NetworkInterface =>
                NetworkInterfaces.TryGetValue(new NetworkInterfaceId(route.Target.Id), out var eni)
                && (eni.Attachment is null || InstanceRunning(eni.Attachment.InstanceId)),
            RouteTargetKind.Instance => InstanceRunning(new InstanceId(route.Target.Id)),
            RouteTargetKind.GatewayEndpoint =>
                VpcEndpoints.TryGetValue(new VpcEndpointId(route.Target.Id), out var vpce) && vpce.IsGateway && vpce.IsAvailable
                && vpce.VpcId == table.VpcId,
            RouteTargetKind.VpcPeeringConnection =>
                VpcPeeringConnections.TryGetValue(new VpcPeeringConnectionId(route.Target.Id), out var pcx) && pcx.IsActive
                && pcx.PeerOf(table.VpcId) is not null,
            _ => false,
        };
        return active ? Model.RouteState.Active : Model.RouteState.Blackhole;
    }

    private bool InstanceRunning(InstanceId id) =>
        Instances.TryGetValue(id, out var instance) && instance.State == InstanceState.Running;
}
