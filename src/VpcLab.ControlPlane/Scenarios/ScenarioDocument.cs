using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace VpcLab.ControlPlane.Scenarios;

// A scenario as written: names instead of ids, each element with the line it starts on so that an error can
// point at it. The loader turns it into ControlPlane operations.

public sealed record ScenarioDocument(
    string Name, string? Description, string Region, ImmutableArray<AccountSpec> Accounts,
    ImmutableArray<VpcSpec> Vpcs)
{
    public ImmutableArray<PeeringSpec> Peerings { get; init; } = [];

    /// <summary>The <c>prefix-lists:</c> section: customer-managed prefix lists, created before any VPC.</summary>
    public ImmutableArray<PrefixListSpec> PrefixLists { get; init; } = [];

    /// <summary>The <c>buckets:</c> section: S3 buckets with their Region and policy, for traces to <c>s3://</c>.</summary>
    public ImmutableArray<BucketSpec> Buckets { get; init; } = [];

    /// <summary>The <c>endpoint-services:</c> section: providers' endpoint services over their Network Load Balancers,
    /// who may connect, and the connections accepted or rejected.</summary>
    public ImmutableArray<EndpointServiceSpec> EndpointServices { get; init; } = [];

    /// <summary>The <c>flow-logs:</c> section: flow logs created (through CreateFlowLogs) once everything else exists.</summary>
    public ImmutableArray<FlowLogSpec> FlowLogs { get; init; } = [];

    /// <summary>The <c>workloads:</c> section exactly as written (null when absent). The control plane ignores it;
    /// the traffic simulation reads it. Every node carries its position (<c>Start.Line</c>), so errors can name
    /// the line.</summary>
    public YamlNode? Workloads { get; init; }
}

/// <summary>A flow log on a VPC, subnet, instance (its primary interface) or interface named in the scenario.
/// <see cref="Destination"/> is <c>s3://bucket/folder/</c> or <c>cloudwatch-logs:GROUP</c>; <see cref="Format"/>
/// is null or "default" for AWS's default format, else a <c>${field}</c> string.</summary>
public sealed record FlowLogSpec(
    int Line, string Name, string Resource, string TrafficType, string Destination, string? Role, string? Format,
    int? AggregationInterval, string? FileFormat, bool? HiveCompatiblePartitions, bool? PerHourPartition);

/// <summary>A VPC peering from a requester VPC to an accepter VPC (any accounts and Regions), accepted or left
/// pending. Route tables may name it as a target.</summary>
public sealed record PeeringSpec(int Line, string Name, string Requester, string Accepter, bool Accepted)
{
    /// <summary>The sides (<c>requester</c>, <c>accepter</c>) whose instances' public DNS names resolve to private
    /// addresses from the other VPC (AllowDnsResolutionFromRemoteVpc, set by each side's own account).</summary>
    public ImmutableArray<string> DnsResolution { get; init; } = [];
}

public sealed record AccountSpec(int Line, string Name, string Id);

public sealed record VpcSpec(
    int Line, string Name, string? Account, string? Region, string Cidr, ImmutableArray<string> SecondaryCidrs,
    bool Ipv6, bool? EnableDnsSupport, bool? EnableDnsHostnames, string? InternetGateway,
    string? EgressOnlyInternetGateway, ImmutableArray<SubnetSpec> Subnets, ImmutableArray<NatGatewaySpec> NatGateways,
    ImmutableArray<RouteTableSpec> RouteTables, ImmutableArray<SecurityGroupSpec> SecurityGroups,
    ImmutableArray<NetworkAclSpec> NetworkAcls, ImmutableArray<InstanceSpec> Instances,
    ImmutableArray<NetworkInterfaceSpec> NetworkInterfaces)
{
    /// <summary>VPC endpoints, created after the VPC's route tables.</summary>
    public ImmutableArray<EndpointSpec> Endpoints { get; init; } = [];

    /// <summary>Network Load Balancer target groups of this VPC (built before its load balancers, whose listeners name them).</summary>
    public ImmutableArray<TargetGroupSpec> TargetGroups { get; init; } = [];

    /// <summary>Network Load Balancers in this VPC's subnets, with their listeners.</summary>
    public ImmutableArray<LoadBalancerSpec> LoadBalancers { get; init; } = [];
}

/// <summary><see cref="Ipv6Index"/> picks the n-th /64 of the VPC's Amazon-provided /56. <see cref="Cidr"/> is null
/// for an IPv6-only subnet (<see cref="Ipv6Native"/>).</summary>
public sealed record SubnetSpec(int Line, string Name, string Az, string? Cidr, int? Ipv6Index, bool MapPublicIpOnLaunch)
{
    /// <summary><c>enable-dns64</c>: the subnet attribute EnableDns64 (ModifySubnetAttribute, docs/semantics.md#dns64).</summary>
    public bool EnableDns64 { get; init; }

    /// <summary><c>ipv6-native</c>: an IPv6-only subnet (CreateSubnet Ipv6Native, docs/semantics.md#ipv6-only-subnets).</summary>
    public bool Ipv6Native { get; init; }

    /// <summary>The hostname options of instances launched here (PrivateDnsNameOptionsOnLaunch), or null for AWS's.</summary>
    public HostnameSpec? Hostnames { get; init; }
}

/// <summary><c>hostname-type</c> (ip-name | resource-name), <c>resource-name-a-record</c>,
/// <c>resource-name-aaaa-record</c>: a subnet's PrivateDnsNameOptionsOnLaunch or an instance's PrivateDnsNameOptions
/// (docs/semantics.md#ipv6-only-subnets); members left out keep AWS's values.</summary>
public sealed record HostnameSpec(string? Type, bool? ARecord, bool? AaaaRecord);

public sealed record NatGatewaySpec(int Line, string Name, string Subnet, bool Private);

public sealed record RouteTableSpec(int Line, string Name, bool Main, ImmutableArray<string> Subnets, ImmutableArray<RouteSpec> Routes);

/// <summary>A destination CIDR or prefix-list name, and a target by name (gateway, NAT gateway, instance,
/// interface) or an id.</summary>
public sealed record RouteSpec(int Line, string Destination, string Target);

public sealed record SecurityGroupSpec(
    int Line, string Name, string? Description, ImmutableArray<SecurityGroupRuleSpec> Ingress,
    ImmutableArray<SecurityGroupRuleSpec>? Egress);

/// <summary><see cref="Peer"/> is a CIDR, a security group name, or a prefix-list name.</summary>
public sealed record SecurityGroupRuleSpec(int Line, string Protocol, string? Ports, string Peer, string? Description);

public sealed record NetworkAclSpec(
    int Line, string Name, ImmutableArray<string> Subnets, ImmutableArray<NetworkAclEntrySpec> Inbound,
    ImmutableArray<NetworkAclEntrySpec> Outbound);

public sealed record NetworkAclEntrySpec(int Line, int Rule, string Protocol, string? Ports, string Cidr, string Action, string? Icmp);

public sealed record InstanceSpec(
    int Line, string Name, string Subnet, ImmutableArray<string> SecurityGroups, string? PrivateIp,
    bool? PublicIp, bool Ipv6, bool? SourceDestCheck, ImmutableArray<string> ExtraInterfaces)
{
    /// <summary>The instance's hostname options (RunInstances PrivateDnsNameOptions), or null for its subnet's.</summary>
    public HostnameSpec? Hostnames { get; init; }
}

public sealed record NetworkInterfaceSpec(
    int Line, string Name, string Subnet, ImmutableArray<string> SecurityGroups, string? PrivateIp, bool Ipv6,
    bool? SourceDestCheck, string? ElasticIp);

/// <summary>A VPC endpoint of the VPC it is listed under. <see cref="Service"/> is a short name (<c>s3</c>, <c>sns</c>)
/// or a full service name (<c>com.amazonaws.us-east-1.sns</c>); <see cref="Type"/> is <c>gateway</c> or
/// <c>interface</c> (default: gateway for S3 and DynamoDB, interface for the rest). A gateway endpoint names route
/// tables; an interface endpoint names subnets (one per zone) and security groups. <see cref="Policy"/> is the
/// endpoint policy's JSON (AWS's full-access default when absent).</summary>
public sealed record EndpointSpec(
    int Line, string Name, string Service, string? Type, ImmutableArray<string> RouteTables, ImmutableArray<string> Subnets,
    ImmutableArray<string> SecurityGroups, bool? PrivateDns, string? Policy)
{
    /// <summary><c>ip-address-type</c>: CreateVpcEndpoint's IpAddressType (ipv4, dualstack, ipv6).</summary>
    public string? IpAddressType { get; init; }

    /// <summary><c>dns-record-ip-type</c>: DnsOptions.DnsRecordIpType (ipv4, dualstack, ipv6, service-defined).</summary>
    public string? DnsRecordIpType { get; init; }
}

/// <summary>An S3 bucket: its Region (the scenario's by default), its owner (the first account by default) and its
/// bucket policy's JSON, if any.</summary>
public sealed record BucketSpec(int Line, string Name, string? Account, string? Region, string? Policy);

/// <summary>A customer-managed prefix list that routes and security group rules may name. Created before the VPCs.</summary>
public sealed record PrefixListSpec(
    int Line, string Name, string? Account, string? Region, string Family, int? MaxEntries, ImmutableArray<string> Entries);

/// <summary>A target group: its targets are instance names (instance targets) or IP addresses (ip targets).</summary>
public sealed record TargetGroupSpec(
    int Line, string Name, string Protocol, int Port, string? TargetType, ImmutableArray<string> Targets, bool? PreserveClientIp,
    string? CrossZone, string? HealthCheckPort);

/// <summary>A Network Load Balancer: one subnet per zone, optional groups, cross-zone, listeners.</summary>
public sealed record LoadBalancerSpec(
    int Line, string Name, string? Scheme, ImmutableArray<string> Subnets, ImmutableArray<string> SecurityGroups,
    string? IpAddressType, bool? CrossZone, ImmutableArray<ListenerSpec> Listeners);

/// <summary>A listener: its port and protocol, and the target group (by name) it forwards to.</summary>
public sealed record ListenerSpec(int Line, int Port, string Protocol, string TargetGroup, string? Certificate);

/// <summary>An endpoint service (docs/scenarios.md): its account (the first by default), its load balancers by name,
/// whether it requires acceptance (AWS's default: yes), its private DNS name and whether the provider verified it,
/// the principals allowed to connect (scenario account names, <c>*</c> or IAM ARNs), and which consumer endpoints
/// (by name) the provider accepts or rejects once they exist.</summary>
public sealed record EndpointServiceSpec(
    int Line, string Name, string? Account, ImmutableArray<string> LoadBalancers, bool? AcceptanceRequired,
    string? PrivateDnsName, bool PrivateDnsVerified, ImmutableArray<string> AllowedPrincipals,
    ImmutableArray<string> Accept, ImmutableArray<string> Reject)
{
    /// <summary>Regions besides the scenario's whose consumers may connect (cross-Region PrivateLink).</summary>
    public ImmutableArray<string> SupportedRegions { get; init; } = [];

    /// <summary>The IP address types consumers' endpoints may use (ipv4 by default; ipv6 needs dualstack NLBs).</summary>
    public ImmutableArray<string> SupportedIpAddressTypes { get; init; } = [];
}
