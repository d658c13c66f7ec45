using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The table of indexed kinds and their indexed filters (<see cref="IndexedKind{T}"/>): the filters that
/// select by an id, a parent (vpc-id, subnet-id, group-id, attachment), a CIDR or an address, or a state, whose values
/// depend on the record alone. Each Describe* builds its <see cref="FilterSchema{T}"/> from its row here and adds the
/// filters that read other resources (has-internet-gateway, group-name, …), which are evaluated on the candidates
/// the index gives (docs/semantics.md#filter-indexes).</summary>
public static class IndexedKinds
{
    public static readonly IndexedKind<Vpc> Vpc = new IndexedKind<Vpc>(
        IdPrefixes.Vpc, "vpc-id", v => v.Id.Value, v => v.OwnerId, v => v.Region,
        (n, id) => ResourceKinds.Vpc.Get(n, id), n => n.Vpcs.Values, n => n.Vpcs)
        .Field("cidr", v => v.PrimaryCidr.ToString())
        .Many("cidr-block-association.cidr-block", v => v.CidrBlocks.Select(b => b.Cidr.ToString()))
        .Many("cidr-block-association.association-id", v => v.CidrBlocks.Select(b => b.AssociationId))
        .Many("cidr-block-association.state", v => v.CidrBlocks.Select(b => VpcOperations.StateName(b.State)))
        .Many("ipv6-cidr-block-association.ipv6-cidr-block", v => v.Ipv6CidrBlocks.Select(b => b.Cidr.ToString()))
        .Many("ipv6-cidr-block-association.association-id", v => v.Ipv6CidrBlocks.Select(b => b.AssociationId))
        .Many("ipv6-cidr-block-association.state", v => v.Ipv6CidrBlocks.Select(b => VpcOperations.StateName(b.State)))
        .Field("is-default", v => Wire.Bool(v.IsDefault))
        // The legacy spelling, as DescribeSubnets keeps defaultForAz: Terraform's aws_default_vpc filters on it
        // (docs/semantics.md#terraform-replays).
        .Field("isDefault", v => Wire.Bool(v.IsDefault))
        .Field("dhcp-options-id", v => v.DhcpOptionsId);

    public static readonly IndexedKind<Subnet> Subnet = new IndexedKind<Subnet>(
        IdPrefixes.Subnet, "subnet-id", s => s.Id.Value, s => s.OwnerId, s => s.Region,
        (n, id) => ResourceKinds.Subnet.Get(n, id), n => n.Subnets.Values, n => n.Subnets)
        .Field("vpc-id", s => s.VpcId.Value)
        .Field("cidr-block", s => s.CidrBlock?.ToString())
        .Field("cidr", s => s.CidrBlock?.ToString())
        .Field("cidrBlock", s => s.CidrBlock?.ToString())
        .Field("availability-zone", s => s.AvailabilityZone.Name)
        .Field("availabilityZone", s => s.AvailabilityZone.Name)
        .Field("availability-zone-id", s => s.AvailabilityZone.ZoneId)
        .Field("default-for-az", s => Wire.Bool(s.DefaultForAz))
        .Field("defaultForAz", s => Wire.Bool(s.DefaultForAz))
        .Field("ipv6-cidr-block-association.ipv6-cidr-block", s => s.Ipv6CidrBlock?.Cidr.ToString())
        .Field("ipv6-cidr-block-association.association-id", s => s.Ipv6CidrBlock?.AssociationId)
        .Field("ipv6-cidr-block-association.state", s => s.Ipv6CidrBlock is { } b ? VpcOperations.StateName(b.State) : null);

    public static readonly IndexedKind<RouteTable> RouteTable = new IndexedKind<RouteTable>(
        IdPrefixes.RouteTable, "route-table-id", t => t.Id.Value, t => t.OwnerId, t => t.Region,
        (n, id) => ResourceKinds.RouteTable.Get(n, id), n => n.RouteTables.Values, n => n.RouteTables)
        .Field("vpc-id", t => t.VpcId.Value)
        .Many("association.route-table-association-id", t => t.Associations.Select(a => a.Id.Value))
        .Many("association.subnet-id", t => t.Associations.Select(a => a.SubnetId?.Value))
        .Many("association.gateway-id", t => t.Associations.Select(a => a.GatewayId))
        .Field("association.main", t => Wire.Bool(t.IsMain))
        .Many("route.destination-cidr-block", t => t.Routes.Where(r => r.Destination.Cidr is { IsV4: true }).Select(r => r.Destination.Cidr!.Value.ToString()))
        .Many("route.destination-ipv6-cidr-block", t => t.Routes.Where(r => r.Destination.Cidr is { IsV6: true }).Select(r => r.Destination.Cidr!.Value.ToString()))
        .Many("route.destination-prefix-list-id", t => t.Routes.Select(r => r.Destination.PrefixListId?.Value))
        .Many("route.nat-gateway-id", t => RouteTargets(t, RouteTargetKind.NatGateway))
        .Many("route.egress-only-internet-gateway-id", t => RouteTargets(t, RouteTargetKind.EgressOnlyInternetGateway))
        .Many("route.instance-id", t => RouteTargets(t, RouteTargetKind.Instance))
        .Many("route.network-interface-id", t => RouteTargets(t, RouteTargetKind.NetworkInterface))
        .Many("route.vpc-peering-connection-id", t => RouteTargets(t, RouteTargetKind.VpcPeeringConnection))
        .Many("route.transit-gateway-id", t => RouteTargets(t, RouteTargetKind.TransitGateway))
        .Many("route.gateway-id", t => t.Routes.Where(r => r.Target.Kind is RouteTargetKind.InternetGateway or RouteTargetKind.Local
            or RouteTargetKind.GatewayEndpoint or RouteTargetKind.VirtualPrivateGateway).Select(r => r.Target.Id));

    public static readonly IndexedKind<InternetGateway> InternetGateway = new IndexedKind<InternetGateway>(
        IdPrefixes.InternetGateway, "internet-gateway-id", g => g.Id.Value, g => g.OwnerId, g => g.Region,
        (n, id) => ResourceKinds.InternetGateway.Get(n, id), n => n.InternetGateways.Values, n => n.InternetGateways)
        .Field("attachment.vpc-id", g => g.AttachedVpcId?.Value)
        // AWS reports an attached internet gateway's attachment state as "available" (spec (b)).
        .Field("attachment.state", g => g.AttachedVpcId is null ? null : "available");

    public static readonly IndexedKind<NatGateway> NatGateway = new IndexedKind<NatGateway>(
        IdPrefixes.NatGateway, "nat-gateway-id", g => g.Id.Value, g => g.OwnerId, g => g.Region,
        (n, id) => ResourceKinds.NatGateway.Get(n, id), n => n.NatGateways.Values, n => n.NatGateways)
        .Field("state", g => NatGatewayOperations.NatStateName(g.State))
        .Field("subnet-id", g => g.SubnetId.Value)
        .Field("vpc-id", g => g.VpcId.Value)
        .Link(NatAllocationLink, g => [g.AllocationId?.Value]);

    /// <summary>The Elastic IP of a public NAT gateway: allocating or releasing the address asks whether a gateway holds it.</summary>
    public const string NatAllocationLink = "@allocation-id";

    public static readonly IndexedKind<ElasticIpAddress> ElasticIp = new IndexedKind<ElasticIpAddress>(
        IdPrefixes.Allocation, "allocation-id", e => e.AllocationId.Value, e => e.OwnerId, e => e.Region,
        (n, id) => ResourceKinds.ElasticIp.Get(n, id), n => n.ElasticIps.Values, n => n.ElasticIps)
        .Field("association-id", e => e.AssociationId)
        .Field("network-interface-id", e => e.NetworkInterfaceId?.Value)
        .Field("private-ip-address", e => e.PrivateIp?.ToString())
        .Field("public-ip", e => e.PublicIp.ToString());

    public static readonly IndexedKind<SecurityGroup> SecurityGroup = new IndexedKind<SecurityGroup>(
        IdPrefixes.SecurityGroup, "group-id", g => g.Id.Value, g => g.OwnerId, g => g.Region,
        (n, id) => ResourceKinds.SecurityGroup.Get(n, id), n => n.SecurityGroups.Values, n => n.SecurityGroups)
        .Field("group-name", g => g.GroupName)
        .Field("vpc-id", g => g.VpcId.Value)
        .Many("ip-permission.cidr", g => RuleCidrs(g, egress: false, v6: false))
        .Many("ip-permission.ipv6-cidr", g => RuleCidrs(g, egress: false, v6: true))
        .Many("ip-permission.group-id", g => RuleGroups(g, egress: false))
        .Many("egress.ip-permission.cidr", g => RuleCidrs(g, egress: true, v6: false))
        .Many("egress.ip-permission.ipv6-cidr", g => RuleCidrs(g, egress: true, v6: true))
        .Many("egress.ip-permission.group-id", g => RuleGroups(g, egress: true))
        .Many("ip-permission.prefix-list-id", g => RulePrefixLists(g, egress: false))
        .Many("egress.ip-permission.prefix-list-id", g => RulePrefixLists(g, egress: true))
        .Link(RuleIdLink, g => g.Rules.Select(r => r.Id.Value));

    /// <summary>The ids of a group's rules (sgr-…): a rule is looked up by id (DescribeSecurityGroupRules, CreateTags,
    /// ModifySecurityGroupRules) without a filter of DescribeSecurityGroups naming it.</summary>
    public const string RuleIdLink = "@security-group-rule-id";

    public static readonly IndexedKind<NetworkAcl> NetworkAcl = new IndexedKind<NetworkAcl>(
        IdPrefixes.NetworkAcl, "network-acl-id", a => a.Id.Value, a => a.OwnerId, a => a.Region,
        (n, id) => ResourceKinds.NetworkAcl.Get(n, id), n => n.NetworkAcls.Values, n => n.NetworkAcls)
        .Field("vpc-id", a => a.VpcId.Value)
        .Field("default", a => Wire.Bool(a.IsDefault))
        .Many("association.association-id", a => a.Associations.Select(x => x.Id.Value))
        .Many("association.subnet-id", a => a.Associations.Select(x => x.SubnetId.Value))
        .Many("entry.cidr", a => a.Entries.Where(e => e.Cidr.IsV4).Select(e => e.Cidr.ToString()))
        .Many("entry.ipv6-cidr", a => a.Entries.Where(e => e.Cidr.IsV6).Select(e => e.Cidr.ToString()));

    public static readonly IndexedKind<NetworkInterface> NetworkInterface = new IndexedKind<NetworkInterface>(
        IdPrefixes.NetworkInterface, "network-interface-id", e => e.Id.Value, e => e.OwnerId, e => e.Region,
        (n, id) => ResourceKinds.NetworkInterface.Get(n, id), n => n.NetworkInterfaces.Values, n => n.NetworkInterfaces)
        .Field("subnet-id", e => e.SubnetId.Value)
        .Field("vpc-id", e => e.VpcId.Value)
        .Field("availability-zone", e => e.AvailabilityZone)
        .Field("mac-address", e => e.MacAddress)
        .Field("status", e => e.Attachment is not null || e.RequesterManaged ? "in-use" : "available")
        .Field("private-ip-address", e => e.PrimaryPrivateIpv4?.ToString())
        .Many("addresses.private-ip-address", e => e.PrivateIpAddresses.Select(p => p.Address.ToString()))
        .Many("ipv6-addresses.ipv6-address", e => e.Ipv6Addresses.Select(a => a.ToString()))
        .Many("group-id", e => e.Groups.Select(g => g.Value))
        .Field("attachment.instance-id", e => e.Attachment?.InstanceId.Value)
        .Field("attachment.attachment-id", e => e.Attachment?.AttachmentId)
        .Field("attachment.status", e => e.Attachment is null ? null : "attached")
        .Link(AutoAssignedPublicIpLink, e => e.PrivateIpAddresses.Select(p => p.AutoAssignedPublicIp?.ToString()));

    /// <summary>The public IPv4s auto-assigned to an interface's addresses: recovering a released address asks whether
    /// one holds it (<see cref="AddressRecovery"/>).</summary>
    public const string AutoAssignedPublicIpLink = "@auto-assigned-public-ip";

    public static readonly IndexedKind<Instance> Instance = new IndexedKind<Instance>(
        IdPrefixes.Instance, "instance-id", i => i.Id.Value, i => i.OwnerId, i => i.Region,
        (n, id) => ResourceKinds.Instance.Get(n, id), n => n.Instances.Values, n => n.Instances)
        .Field("instance-state-name", i => InstanceOperations.InstanceStateName(i.State))
        .Field("reservation-id", i => i.ReservationId)
        .Field("subnet-id", i => i.SubnetId.Value)
        .Field("vpc-id", i => i.VpcId.Value);

    // The filters of DescribeEgressOnlyInternetGateways
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeEgressOnlyInternetGateways.html).
    public static readonly IndexedKind<EgressOnlyInternetGateway> EgressOnlyInternetGateway = new IndexedKind<EgressOnlyInternetGateway>(
        IdPrefixes.EgressOnlyInternetGateway, "egress-only-internet-gateway-id", g => g.Id.Value, g => g.OwnerId, g => g.Region,
        (n, id) => ResourceKinds.EgressOnlyInternetGateway.Get(n, id), n => n.EgressOnlyInternetGateways.Values, n => n.EgressOnlyInternetGateways)
        .Field("attachment.vpc-id", g => g.VpcId.Value)
        .Field("attachment.state", _ => "attached");

    /// <summary>DescribeManagedPrefixLists: the caller's own lists and the AWS-managed lists of its Region, filed
    /// under the owner "AWS" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeManagedPrefixLists.html:
    /// owner-id, prefix-list-id, prefix-list-name).</summary>
    public static readonly IndexedKind<ManagedPrefixList> PrefixList = new IndexedKind<ManagedPrefixList>(
        IdPrefixes.PrefixList, "prefix-list-id", p => p.Id.Value, p => new AccountId(p.OwnerId), p => p.Region,
        (n, id) => ResourceKinds.PrefixList.Get(n, id), n => n.PrefixLists.Values, n => n.PrefixLists)
        .Field("owner-id", p => p.OwnerId)
        .Field("prefix-list-name", p => p.Name)
        .SeenBy(p => [IndexedKind<ManagedPrefixList>.Scope(new AccountId(p.OwnerId), p.Region)],
            c => [IndexedKind<ManagedPrefixList>.Scope(c.Account, c.Region), IndexedKind<ManagedPrefixList>.Scope(new AccountId(ManagedPrefixList.AwsOwner), c.Region)],
            (p, c) => p.Region == c.Region && (p.IsAwsManaged || p.OwnerId == c.Account.Value));

    /// <summary>DescribeVpcPeeringConnections: filed under both ends' owner scopes; the visibility window and the state
    /// derive from the clock (<see cref="VpcPeeringLifecycle"/>), so status-code, status-message and expiration-time are
    /// evaluated on the candidates, never filed.</summary>
    public static readonly IndexedKind<VpcPeeringConnection> VpcPeeringConnection = new IndexedKind<VpcPeeringConnection>(
        IdPrefixes.VpcPeeringConnection, "vpc-peering-connection-id", p => p.Id.Value, p => p.Requester.OwnerId, p => p.Requester.Region,
        (n, id) => ResourceKinds.VpcPeeringConnection.Get(n, id), n => n.VpcPeeringConnections.Values, n => n.VpcPeeringConnections)
        .Field("accepter-vpc-info.owner-id", p => p.Accepter.OwnerId.Value)
        .Field("accepter-vpc-info.vpc-id", p => p.Accepter.VpcId.Value)
        .Many("accepter-vpc-info.cidr-block", p => PeeringCidrs(p.Accepter))
        .Field("requester-vpc-info.owner-id", p => p.Requester.OwnerId.Value)
        .Field("requester-vpc-info.vpc-id", p => p.Requester.VpcId.Value)
        .Many("requester-vpc-info.cidr-block", p => PeeringCidrs(p.Requester))
        .SeenBy(p => [IndexedKind<VpcPeeringConnection>.Scope(p.Requester.OwnerId, p.Requester.Region), IndexedKind<VpcPeeringConnection>.Scope(p.Accepter.OwnerId, p.Accepter.Region)],
            c => [IndexedKind<VpcPeeringConnection>.Scope(c.Account, c.Region)],
            VpcPeeringLifecycle.IsVisible, (p, c) => VpcPeeringLifecycle.Effective(p, c.Now));

    // The filters of DescribeVpcEndpoints (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html).
    public static readonly IndexedKind<VpcEndpoint> VpcEndpoint = new IndexedKind<VpcEndpoint>(
        IdPrefixes.VpcEndpoint, "vpc-endpoint-id", e => e.Id.Value, e => e.OwnerId, e => e.Region,
        (n, id) => ResourceKinds.VpcEndpoint.Get(n, id), n => n.VpcEndpoints.Values, n => n.VpcEndpoints)
        .Field("vpc-id", e => e.VpcId.Value)
        .Field("service-name", e => e.ServiceName)
        .Field("vpc-endpoint-state", e => VpcEndpointOperations.VpcEndpointStateName(e.State))
        .Field("vpc-endpoint-type", e => e.Type.ToString())
        .Field("ip-address-type", e => VpcEndpointOperations.VpcEndpointIpAddressTypeName(e.IpAddressType))
        .Link(EndpointGroupLink, e => e.Groups.Select(g => g.Value))
        .Link(GatewayEndpointScopeLink, e => [e.IsGateway ? IndexedKind<VpcEndpoint>.Scope(e.OwnerId, e.Region) : null])
        .Link(EndpointRouteTableLink, e => e.RouteTableIds.Select(t => t.Value));

    /// <summary>The route tables of a gateway endpoint: deleting a table takes it out of their lists.</summary>
    public const string EndpointRouteTableLink = "@route-table-id";

    /// <summary>The owner scope of a gateway endpoint: the quota of gateway endpoints per Region counts it.</summary>
    public const string GatewayEndpointScopeLink = "@gateway-scope";

    /// <summary>The security groups of a VPC endpoint: no DescribeVpcEndpoints filter names them, but deleting a group
    /// asks (<see cref="ResourceKinds.SecurityGroup"/>'s blockers).</summary>
    public const string EndpointGroupLink = "@group-id";

    /// <summary>DescribeDhcpOptions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeDhcpOptions.html:
    /// dhcp-options-id, key, value, owner-id and the tag filters).</summary>
    public static readonly IndexedKind<DhcpOptionsSet> DhcpOptions = new IndexedKind<DhcpOptionsSet>(
        IdPrefixes.DhcpOptions, "dhcp-options-id", d => d.Id, d => d.OwnerId, d => d.Region,
        (n, id) => DhcpOptionsKind.Kind.Get(n, id), n => n.DhcpOptions.Values, n => n.DhcpOptions)
        .Field("owner-id", d => d.OwnerId.Value)
        .Many("key", d => d.Configurations.Select(c => c.Key))
        .Many("value", d => d.Configurations.SelectMany(c => c.Value));

    // The filters of DescribeFlowLogs (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeFlowLogs.html):
    // resource-id is the flow log's parent (a VPC, subnet or interface).
    public static readonly IndexedKind<FlowLog> FlowLog = new IndexedKind<FlowLog>(
        IdPrefixes.FlowLog, "flow-log-id", f => f.Id.Value, f => f.OwnerId, f => f.Region,
        (n, id) => ResourceKinds.FlowLog.Get(n, id), n => n.FlowLogs.Values, n => n.FlowLogs)
        .Field("resource-id", f => f.ResourceId)
        .Field("log-group-name", f => f.LogGroupName)
        .Field("deliver-log-status", f => f.DeliverLogsStatus)
        .Field("log-destination-type", f => FlowLogNames.DestinationType(f.DestinationType))
        .Field("traffic-type", f => FlowLogNames.TrafficType(f.TrafficType));

    /// <summary>Subnet CIDR reservations (GetSubnetCidrReservations names one subnet; its subnet-id, reservationType and
    /// owner-id filters are evaluated on that subnet's reservations): indexed so a subnet's reservations, which automatic
    /// address assignment skips, cost what the subnet has.</summary>
    public static readonly IndexedKind<SubnetCidrReservation> SubnetCidrReservation = new IndexedKind<SubnetCidrReservation>(
        IdPrefixes.SubnetCidrReservation, "subnet-cidr-reservation-id", r => r.Id, r => r.OwnerId, r => r.Region,
        (n, id) => n.SubnetCidrReservations.GetValueOrDefault(id), n => n.SubnetCidrReservations.Values, n => n.SubnetCidrReservations)
        .Field("subnet-id", r => r.SubnetId.Value);

    // The kinds indexed at issue 21's last step: their owner scope (the caller's records, for Describe* and the
    // duplicate-name checks), the filters of their Describe* that select by an id, a parent, a name, a state or a
    // place, and what a per-request check asks of them. ELBv2 has no Describe* filters, so its postings are links
    // ('@'), as are the ARNs an endpoint service names.

    /// <summary>DescribeVolumes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVolumes.html):
    /// volume-id, attachment.instance-id (also an instance's volumes per launch, termination and DescribeInstances),
    /// attachment.status, status, availability-zone, snapshot-id. A volume's states settle at once
    /// (docs/semantics.md#ebs-volumes): available, or in-use while attached.</summary>
    public static readonly IndexedKind<Volume> Volume = new IndexedKind<Volume>(
        IdPrefixes.Volume, "volume-id", v => v.Id, v => v.OwnerId, v => v.Region,
        (n, id) => n.Volumes.GetValueOrDefault(id), n => n.Volumes.Values, n => n.Volumes)
        .Field("attachment.instance-id", v => v.Attachment?.InstanceId.Value)
        .Field("attachment.status", v => v.Attachment is null ? null : "attached")
        .Field("status", v => v.Attachment is null ? "available" : "in-use")
        .Field("availability-zone", v => v.AvailabilityZone)
        .Field("snapshot-id", v => v.SnapshotId);

    /// <summary>DescribeKeyPairs (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeKeyPairs.html):
    /// key-pair-id and key-name, the name also the duplicate check of CreateKeyPair and RunInstances' KeyName.</summary>
    public static readonly IndexedKind<KeyPair> KeyPair = new IndexedKind<KeyPair>(
        IdPrefixes.KeyPair, "key-pair-id", k => k.Id, k => k.OwnerId, k => k.Region,
        (n, id) => n.KeyPairs.GetValueOrDefault(id), n => n.KeyPairs.Values, n => n.KeyPairs)
        .Field("key-name", k => k.Name);

    /// <summary>DescribeLaunchTemplates: launch-template-name, also how a template is found by name. AWS has no
    /// launch-template-id filter (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeLaunchTemplates.html:
    /// create-time, launch-template-name, tag:KEY, tag-key), so the id is a link's name: no filter can name it.</summary>
    public static readonly IndexedKind<LaunchTemplate> LaunchTemplate = new IndexedKind<LaunchTemplate>(
        IdPrefixes.LaunchTemplate, "@launch-template-id", t => t.Id, t => t.OwnerId, t => t.Region,
        (n, id) => n.LaunchTemplates.GetValueOrDefault(id), n => n.LaunchTemplates.Values, n => n.LaunchTemplates)
        .Field("launch-template-name", t => t.Name);

    /// <summary>The name of an ELBv2 resource: unique per account and Region (CreateLoadBalancer, CreateTargetGroup).</summary>
    public const string ElbNameLink = "@name";

    /// <summary>A listener's load balancer: DescribeListeners by load balancer, CreateListener's port, DeleteLoadBalancer.</summary>
    public const string ListenerLoadBalancerLink = "@load-balancer-arn";

    /// <summary>A listener's default target group: DeleteTargetGroup's ResourceInUse, DescribeTargetGroups by load balancer.</summary>
    public const string ListenerTargetGroupLink = "@target-group-arn";

    /// <summary>The load balancers of an endpoint service: DeleteLoadBalancer's ResourceInUse, and no two services share one.</summary>
    public const string ServiceLoadBalancerLink = "@network-load-balancer-arn";

    public static readonly IndexedKind<LoadBalancer> LoadBalancer = new IndexedKind<LoadBalancer>(
        "elbv2:loadbalancer", "@load-balancer-arn", l => l.Arn.Value, l => l.OwnerId, l => l.Region,
        (n, id) => n.LoadBalancers.GetValueOrDefault(new LoadBalancerArn(id)), n => n.LoadBalancers.Values, n => n.LoadBalancers)
        .Link(ElbNameLink, l => [l.Name]);

    public static readonly IndexedKind<Listener> Listener = new IndexedKind<Listener>(
        "elbv2:listener", "@listener-arn", l => l.Arn.Value, l => l.OwnerId, l => l.Region,
        (n, id) => n.Listeners.GetValueOrDefault(new ListenerArn(id)), n => n.Listeners.Values, n => n.Listeners)
        .Link(ListenerLoadBalancerLink, l => [l.LoadBalancerArn.Value])
        .Link(ListenerTargetGroupLink, l => [l.DefaultTargetGroupArn.Value]);

    public static readonly IndexedKind<TargetGroup> TargetGroup = new IndexedKind<TargetGroup>(
        "elbv2:targetgroup", "@target-group-arn", g => g.Arn.Value, g => g.OwnerId, g => g.Region,
        (n, id) => n.TargetGroups.GetValueOrDefault(new TargetGroupArn(id)), n => n.TargetGroups.Values, n => n.TargetGroups)
        .Link(ElbNameLink, g => [g.Name]);

    /// <summary>DescribeVpcEndpointServiceConfigurations
    /// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServiceConfigurations.html: the
    /// caller's; service-id and service-name indexed; service-state, supported-ip-address-types and tags as for
    /// every kind).</summary>
    public static readonly IndexedKind<VpcEndpointServiceConfiguration> EndpointService = new IndexedKind<VpcEndpointServiceConfiguration>(
        IdPrefixes.VpcEndpointService, "service-id", s => s.Id.Value, s => s.OwnerId, s => s.Region,
        (n, id) => n.VpcEndpointServiceConfigurations.GetValueOrDefault(new VpcEndpointServiceId(id)),
        n => n.VpcEndpointServiceConfigurations.Values, n => n.VpcEndpointServiceConfigurations)
        .Field("service-name", s => s.ServiceName)
        .Link(ServiceLoadBalancerLink, s => s.NetworkLoadBalancerArns.Select(a => a.Value))
        .Link(ServiceConsumerLink, ServiceConsumers);

    /// <summary>Who may connect to an endpoint service (DescribeVpcEndpointServices lists it to them): REGION|ACCOUNT for
    /// its owner and each account principal (arn:aws:iam::ACCOUNT:root), REGION|* for "*" (<see cref="ServiceConsumer"/>).
    /// A superset of <see cref="VpcEndpointServiceConfiguration.Allows"/>, which is still checked on each.</summary>
    public const string ServiceConsumerLink = "@consumer";

    /// <summary>The value of <see cref="ServiceConsumerLink"/> for an account (or "*") in a Region.</summary>
    public static string ServiceConsumer(string region, string account) => region + "|" + account;

    private static IEnumerable<string?> ServiceConsumers(VpcEndpointServiceConfiguration s) =>
        [ServiceConsumer(s.Region, s.OwnerId.Value), .. s.AllowedPrincipals.Select(p => p == "*" ? ServiceConsumer(s.Region, "*")
            : p.StartsWith("arn:aws:iam::", StringComparison.Ordinal) && p.EndsWith(":root", StringComparison.Ordinal) && p.Length > 18
                ? ServiceConsumer(s.Region, p["arn:aws:iam::".Length..^":root".Length]) : null)];

    /// <summary>Every indexed kind.</summary>
    public static readonly ImmutableArray<IIndexedKind> All =
        [Vpc, Subnet, RouteTable, InternetGateway, NatGateway, ElasticIp, SecurityGroup, NetworkAcl, NetworkInterface, Instance,
         EgressOnlyInternetGateway, PrefixList, VpcPeeringConnection, VpcEndpoint, FlowLog, DhcpOptions, SubnetCidrReservation,
         Volume, KeyPair, LaunchTemplate, LoadBalancer, Listener, TargetGroup, EndpointService];

    private static IEnumerable<string?> PeeringCidrs(VpcPeeringConnectionVpcInfo end) =>
        end.CidrBlocks.Concat(end.Ipv6CidrBlocks).Select(c => c.ToString());

    private static IEnumerable<string?> RouteTargets(RouteTable t, RouteTargetKind kind) =>
        t.Routes.Where(r => r.Target.Kind == kind).Select(r => r.Target.Id);

    private static IEnumerable<string?> RuleCidrs(SecurityGroup g, bool egress, bool v6) =>
        g.Rules.Where(r => r.IsEgress == egress).Select(r => r.Peer is CidrPeer c && c.Cidr.IsV6 == v6 ? c.Cidr.ToString() : null);

    private static IEnumerable<string?> RulePrefixLists(SecurityGroup g, bool egress) =>
        g.Rules.Where(r => r.IsEgress == egress).Select(r => r.Peer is PrefixListPeer p ? p.PrefixListId.Value : null);

    private static IEnumerable<string?> RuleGroups(SecurityGroup g, bool egress) =>
        g.Rules.Where(r => r.IsEgress == egress).Select(r => r.Peer is SecurityGroupPeer p ? p.GroupId.Value : null);
}
