using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The EC2 control plane: a thin facade over one ordinary operations class per resource (or family), which
/// share the snapshot, the id counter and the ClientToken cache through <see cref="ControlPlaneState"/> and call each
/// other only through named operations. Each EC2 action here is a one-line delegation, so the server, the CLI,
/// scenarios and tests call one object; the per-resource objects are exposed too. What differs per resource kind
/// (id prefix, errors, owner rule, tag type, deletion blockers) is <see cref="ResourceKinds"/>.</summary>
public sealed class Ec2ControlPlane
{
    private readonly ControlPlaneState _state;

    public Ec2ControlPlane()
        : this(new ControlPlaneOptions())
    {
    }

    public Ec2ControlPlane(ControlPlaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _state = new ControlPlaneState(options);
        AccountAttributes = new AccountAttributeOperations(_state);
        Buckets = new S3BucketOperations(_state);
        DefaultVpcs = new DefaultVpcOperations(_state);
        DhcpOptions = new DhcpOptionsOperations(_state);
        EgressOnlyInternetGateways = new EgressOnlyInternetGatewayOperations(_state);
        ElasticIps = new ElasticIpOperations(_state);
        AddressAttributes = new AddressAttributeOperations(_state);
        VpcTenancy = new VpcTenancyOperations(_state);
        Volumes = new VolumeOperations(_state);
        LaunchTemplates = new LaunchTemplateOperations(_state);
        VolumeModifications = new VolumeModificationOperations(_state);
        SubnetCidrReservations = new SubnetCidrReservationOperations(_state);
        FlowLogs = new FlowLogOperations(_state);
        Parameters = new SsmParameterStore(_state.Regions.Keys);
        Images = new ImageOperations(_state, Parameters);
        Instances = new InstanceOperations(_state, Images);
        KeyPairs = new KeyPairOperations(_state);
        InstanceTypes = new InstanceTypeOperations(_state);
        LoadBalancers = new LoadBalancerOperations(_state);
        TargetGroups = new TargetGroupOperations(_state);
        Listeners = new ListenerOperations(_state);
        InstanceStatuses = new InstanceStatusOperations(_state);
        InstanceAttributes = new InstanceAttributeOperations(_state);
        PrivateDnsNames = new PrivateDnsNameOperations(_state);
        InternetGateways = new InternetGatewayOperations(_state);
        NatGateways = new NatGatewayOperations(_state);
        NetworkAcls = new NetworkAclOperations(_state);
        NetworkInterfaces = new NetworkInterfaceOperations(_state);
        PrefixLists = new PrefixListOperations(_state);
        RouteTables = new RouteTableOperations(_state);
        SecurityGroupRuleDescriptions = new SecurityGroupRuleDescriptionOperations(_state);
        SecurityGroups = new SecurityGroupOperations(_state);
        StaleSecurityGroups = new StaleSecurityGroupOperations(_state);
        Subnets = new SubnetOperations(_state);
        RegionsAndZones = new RegionOperations(_state);
        RegionOptIns = new RegionOptInOperations(_state);
        Tags = new TagOperations(_state);
        VpcEndpointServices = new VpcEndpointServiceOperations(_state);
        EndpointServiceConfigurations = new EndpointServiceConfigurationOperations(_state);
        EndpointConnections = new EndpointConnectionOperations(_state);
        VpcEndpoints = new VpcEndpointOperations(_state);
        VpcPeering = new VpcPeeringOperations(_state);
        Vpcs = new VpcOperations(_state);
    }

    public ControlPlaneOptions Options => _state.Options;

    /// <summary>The current snapshot. Immutable: read it freely from any thread.</summary>
    public Network Network => _state.Network;

    /// <summary>The filter index kept with the current snapshot (docs/semantics.md#filter-indexes).</summary>
    public WorldIndex Index => _state.Index;

    /// <summary>The current snapshot and its index, as one consistent pair.</summary>
    public IndexedWorld World => _state.World;

    /// <summary>How many ids the control plane has drawn: part of what a replay must reproduce.</summary>
    public ulong IdCounter => _state.IdCounter;

    /// <summary>Set while a journal replays acknowledged operations (<see cref="ControlPlaneState.Replaying"/>).</summary>
    public bool Replaying
    {
        get => _state.Replaying;
        set => _state.Replaying = value;
    }

    public IReadOnlyDictionary<string, RegionInfo> Regions => _state.Regions;

    /// <summary>The AWS services of every known Region.</summary>
    public AwsServiceCatalog ServiceCatalog => _state.ServiceCatalog;

    public AccountAttributeOperations AccountAttributes { get; }

    public S3BucketOperations Buckets { get; }

    public DefaultVpcOperations DefaultVpcs { get; }

    public DhcpOptionsOperations DhcpOptions { get; }

    public EgressOnlyInternetGatewayOperations EgressOnlyInternetGateways { get; }

    public ElasticIpOperations ElasticIps { get; }

    /// <summary>Describe/Modify/ResetAddressAttribute (src/VpcLab.ControlPlane/ElasticIps/AddressAttributeOperations.cs).</summary>
    public AddressAttributeOperations AddressAttributes { get; }

    /// <summary>ModifyVpcTenancy (src/VpcLab.ControlPlane/Vpcs/VpcTenancyOperations.cs).</summary>
    public VpcTenancyOperations VpcTenancy { get; }

    /// <summary>EBS volumes as plain records (src/VpcLab.ControlPlane/Volumes/).</summary>
    public VolumeOperations Volumes { get; }

    /// <summary>EC2 launch templates and their versions (src/VpcLab.ControlPlane/LaunchTemplates/).</summary>
    public LaunchTemplateOperations LaunchTemplates { get; }

    /// <summary>ModifyVolume and DescribeVolumesModifications (src/VpcLab.ControlPlane/Volumes/).</summary>
    public VolumeModificationOperations VolumeModifications { get; }

    /// <summary>Subnet CIDR reservations (src/VpcLab.ControlPlane/Subnets/SubnetCidrReservationOperations.cs).</summary>
    public SubnetCidrReservationOperations SubnetCidrReservations { get; }

    public FlowLogOperations FlowLogs { get; }

    /// <summary>The public AMI catalogue's DescribeImages (src/VpcLab.ControlPlane/Images/).</summary>
    public ImageOperations Images { get; }

    /// <summary>The Systems Manager public parameters of every Region: the one store the SSM endpoint, RunInstances'
    /// resolve:ssm: and CloudFormation's SSM parameter types read.</summary>
    public SsmParameterStore Parameters { get; }

    public InstanceOperations Instances { get; }

    /// <summary>DescribeInstanceTypes and DescribeInstanceTypeOfferings (src/VpcLab.ControlPlane/InstanceTypes/).</summary>
    public InstanceTypeOperations InstanceTypes { get; }

    /// <summary>DescribeInstanceStatus and DescribeInstanceCreditSpecifications (src/VpcLab.ControlPlane/InstanceStatus/).</summary>
    public InstanceStatusOperations InstanceStatuses { get; }

    /// <summary>Key pairs (src/VpcLab.ControlPlane/KeyPairs/).</summary>
    public KeyPairOperations KeyPairs { get; }

    public InstanceAttributeOperations InstanceAttributes { get; }
    public PrivateDnsNameOperations PrivateDnsNames { get; }

    public InternetGatewayOperations InternetGateways { get; }

    /// <summary>Network Load Balancers (the Elastic Load Balancing v2 API).</summary>
    public LoadBalancerOperations LoadBalancers { get; }

    public TargetGroupOperations TargetGroups { get; }

    public ListenerOperations Listeners { get; }

    public NatGatewayOperations NatGateways { get; }

    public NetworkAclOperations NetworkAcls { get; }

    public NetworkInterfaceOperations NetworkInterfaces { get; }

    public PrefixListOperations PrefixLists { get; }

    public RouteTableOperations RouteTables { get; }

    public SecurityGroupRuleDescriptionOperations SecurityGroupRuleDescriptions { get; }

    public SecurityGroupOperations SecurityGroups { get; }

    public StaleSecurityGroupOperations StaleSecurityGroups { get; }

    public SubnetOperations Subnets { get; }

    public RegionOperations RegionsAndZones { get; }

    /// <summary>The Account Management API's Region opt-ins (docs/semantics.md#regions).</summary>
    public RegionOptInOperations RegionOptIns { get; }

    public TagOperations Tags { get; }

    public VpcEndpointServiceOperations VpcEndpointServices { get; }

    /// <summary>Endpoint services of providers (PrivateLink over Network Load Balancers).</summary>
    public EndpointServiceConfigurationOperations EndpointServiceConfigurations { get; }

    /// <summary>Endpoint service permissions and connections (accept, reject).</summary>
    public EndpointConnectionOperations EndpointConnections { get; }

    public VpcEndpointOperations VpcEndpoints { get; }

    public VpcPeeringOperations VpcPeering { get; }

    public VpcOperations Vpcs { get; }

    // ------------------------------------------------------------------ names and constants other layers print
    public const string DefaultDhcpOptionsId = DhcpOptionsOperations.DefaultDhcpOptionsId;
    public const string VpcFlowLogResourceType = ResourceTypes.VpcFlowLog;
    public static readonly TimeSpan PeeringRequestLifetime = VpcPeeringLifecycle.RequestLifetime;
    public static readonly TimeSpan PeeringDeletingTime = VpcPeeringLifecycle.DeletingTime;

    public static string StateName(CidrBlockState state) => VpcOperations.StateName(state);
    public static string PeeringStateName(VpcPeeringConnectionState state) => VpcPeeringLifecycle.StateName(state);
    public static long AvailableIpAddressCount(IndexedWorld world, Subnet subnet) => SubnetAddressCount.Available(world, subnet);
    public static string InterfaceTypeName(NetworkInterfaceType type) => NetworkInterfaceOperations.InterfaceTypeName(type);
    public static string SecurityGroupArn(SecurityGroup group) => SecurityGroupOperations.SecurityGroupArn(group);
    public static string OriginName(RouteOrigin origin) => RouteTableOperations.OriginName(origin);
    public static string NatStateName(NatGatewayState state) => NatGatewayOperations.NatStateName(state);
    public static string InstanceStateName(InstanceState state) => InstanceOperations.InstanceStateName(state);
    public static int InstanceStateCode(InstanceState state) => InstanceOperations.InstanceStateCode(state);

    /// <summary>The DHCP options set id of a VPC as DescribeVpcs prints it ("default" when none).</summary>
    public string DhcpOptionsIdOf(VpcId vpc) => DhcpOptions.DhcpOptionsIdOf(vpc);

    /// <summary>An endpoint as Describe shows it, from the current snapshot.</summary>
    public VpcEndpointView ViewOf(VpcEndpoint endpoint) => VpcEndpoints.ViewOf(endpoint);

    // ------------------------------------------------------------------ S3 buckets (not EC2 resources; see Buckets/)
    public S3Bucket PutBucket(RequestContext ctx, string name, string? policyJson) => Buckets.PutBucket(ctx, name, policyJson);

    public S3Bucket CreateBucket(RequestContext ctx, string name, string region) => Buckets.CreateBucket(ctx, name, region);

    public S3Bucket DeleteBucket(RequestContext ctx, string name) => Buckets.DeleteBucket(ctx, name);

    public S3Bucket PutBucketPolicy(RequestContext ctx, string name, string policyJson) => Buckets.PutBucketPolicy(ctx, name, policyJson);

    public S3Bucket DeleteBucketPolicy(RequestContext ctx, string name) => Buckets.DeleteBucketPolicy(ctx, name);

    // ------------------------------------------------------------------ AccountAttributes
    public DescribeAccountAttributesResult DescribeAccountAttributes(RequestContext ctx, DescribeAccountAttributesRequest request) => AccountAttributes.DescribeAccountAttributes(ctx, request);

    // ------------------------------------------------------------------ DefaultVpcs
    public CreateDefaultVpcResult CreateDefaultVpc(RequestContext ctx, CreateDefaultVpcRequest request) => DefaultVpcs.CreateDefaultVpc(ctx, request);
    public CreateDefaultSubnetResult CreateDefaultSubnet(RequestContext ctx, CreateDefaultSubnetRequest request) => DefaultVpcs.CreateDefaultSubnet(ctx, request);

    // ------------------------------------------------------------------ DhcpOptions
    public CreateDhcpOptionsResult CreateDhcpOptions(RequestContext ctx, CreateDhcpOptionsRequest request) => DhcpOptions.CreateDhcpOptions(ctx, request);

    public EmptyResult DeleteDhcpOptions(RequestContext ctx, DeleteDhcpOptionsRequest request) => DhcpOptions.DeleteDhcpOptions(ctx, request);

    public EmptyResult AssociateDhcpOptions(RequestContext ctx, AssociateDhcpOptionsRequest request) => DhcpOptions.AssociateDhcpOptions(ctx, request);

    public DescribeDhcpOptionsResult DescribeDhcpOptions(RequestContext ctx, DescribeDhcpOptionsRequest request) => DhcpOptions.DescribeDhcpOptions(ctx, request);

    // ------------------------------------------------------------------ EgressOnlyInternetGateways
    public CreateEgressOnlyInternetGatewayResult CreateEgressOnlyInternetGateway(RequestContext ctx, CreateEgressOnlyInternetGatewayRequest request) => EgressOnlyInternetGateways.CreateEgressOnlyInternetGateway(ctx, request);

    public DeleteEgressOnlyInternetGatewayResult DeleteEgressOnlyInternetGateway(RequestContext ctx, DeleteEgressOnlyInternetGatewayRequest request) => EgressOnlyInternetGateways.DeleteEgressOnlyInternetGateway(ctx, request);

    public DescribeEgressOnlyInternetGatewaysResult DescribeEgressOnlyInternetGateways(RequestContext ctx, DescribeEgressOnlyInternetGatewaysRequest request) => EgressOnlyInternetGateways.DescribeEgressOnlyInternetGateways(ctx, request);

    // ------------------------------------------------------------------ ElasticIps
    public AllocateAddressResult AllocateAddress(RequestContext ctx, AllocateAddressRequest request) => ElasticIps.AllocateAddress(ctx, request);

    public AssociateAddressResult AssociateAddress(RequestContext ctx, AssociateAddressRequest request) => ElasticIps.AssociateAddress(ctx, request);

    public EmptyResult DisassociateAddress(RequestContext ctx, DisassociateAddressRequest request) => ElasticIps.DisassociateAddress(ctx, request);

    public EmptyResult ReleaseAddress(RequestContext ctx, ReleaseAddressRequest request) => ElasticIps.ReleaseAddress(ctx, request);

    public DescribeAddressesResult DescribeAddresses(RequestContext ctx, DescribeAddressesRequest request) => ElasticIps.DescribeAddresses(ctx, request);

    // ------------------------------------------------------------------ FlowLogs
    public CreateFlowLogsResult CreateFlowLogs(RequestContext ctx, CreateFlowLogsRequest request) => FlowLogs.CreateFlowLogs(ctx, request);

    public DescribeFlowLogsResult DescribeFlowLogs(RequestContext ctx, DescribeFlowLogsRequest request) => FlowLogs.DescribeFlowLogs(ctx, request);

    public DeleteFlowLogsResult DeleteFlowLogs(RequestContext ctx, DeleteFlowLogsRequest request) => FlowLogs.DeleteFlowLogs(ctx, request);

    // ------------------------------------------------------------------ Instances
    public DescribeImagesResult DescribeImages(RequestContext ctx, DescribeImagesRequest request) => Images.DescribeImages(ctx, request);

    public DescribeInstanceTypesResult DescribeInstanceTypes(RequestContext ctx, DescribeInstanceTypesRequest request) => InstanceTypes.DescribeInstanceTypes(ctx, request);

    public DescribeInstanceTypeOfferingsResult DescribeInstanceTypeOfferings(RequestContext ctx, DescribeInstanceTypeOfferingsRequest request) => InstanceTypes.DescribeInstanceTypeOfferings(ctx, request);

    public DescribeInstanceStatusResult DescribeInstanceStatus(RequestContext ctx, DescribeInstanceStatusRequest request) => InstanceStatuses.DescribeInstanceStatus(ctx, request);

    public DescribeInstanceCreditSpecificationsResult DescribeInstanceCreditSpecifications(RequestContext ctx, DescribeInstanceCreditSpecificationsRequest request) =>
        InstanceStatuses.DescribeInstanceCreditSpecifications(ctx, request);

    public CreateKeyPairResult CreateKeyPair(RequestContext ctx, CreateKeyPairRequest request) => KeyPairs.CreateKeyPair(ctx, request);

    public ImportKeyPairResult ImportKeyPair(RequestContext ctx, ImportKeyPairRequest request) => KeyPairs.ImportKeyPair(ctx, request);

    public DescribeKeyPairsResult DescribeKeyPairs(RequestContext ctx, DescribeKeyPairsRequest request) => KeyPairs.DescribeKeyPairs(ctx, request);

    public DeleteKeyPairResult DeleteKeyPair(RequestContext ctx, DeleteKeyPairRequest request) => KeyPairs.DeleteKeyPair(ctx, request);

    public Reservation RunInstances(RequestContext ctx, RunInstancesRequest request) => Instances.RunInstances(ctx, request);

    public DescribeInstancesResult DescribeInstances(RequestContext ctx, DescribeInstancesRequest request) => Instances.DescribeInstances(ctx, request);

    public TerminateInstancesResult TerminateInstances(RequestContext ctx, TerminateInstancesRequest request) => Instances.TerminateInstances(ctx, request);

    public StopInstancesResult StopInstances(RequestContext ctx, StopInstancesRequest request) => Instances.StopInstances(ctx, request);

    public StartInstancesResult StartInstances(RequestContext ctx, StartInstancesRequest request) => Instances.StartInstances(ctx, request);

    public EmptyResult ModifyInstanceAttribute(RequestContext ctx, ModifyInstanceAttributeRequest request) => InstanceAttributes.ModifyInstanceAttribute(ctx, request);

    public ReturnResult ModifyPrivateDnsNameOptions(RequestContext ctx, ModifyPrivateDnsNameOptionsRequest request) => PrivateDnsNames.ModifyPrivateDnsNameOptions(ctx, request);

    public DescribeInstanceAttributeResult DescribeInstanceAttribute(RequestContext ctx, DescribeInstanceAttributeRequest request) => InstanceAttributes.DescribeInstanceAttribute(ctx, request);

    // ------------------------------------------------------------------ InternetGateways
    public CreateInternetGatewayResult CreateInternetGateway(RequestContext ctx, CreateInternetGatewayRequest request) => InternetGateways.CreateInternetGateway(ctx, request);

    public EmptyResult AttachInternetGateway(RequestContext ctx, AttachInternetGatewayRequest request) => InternetGateways.AttachInternetGateway(ctx, request);

    public EmptyResult DetachInternetGateway(RequestContext ctx, DetachInternetGatewayRequest request) => InternetGateways.DetachInternetGateway(ctx, request);

    public EmptyResult DeleteInternetGateway(RequestContext ctx, DeleteInternetGatewayRequest request) => InternetGateways.DeleteInternetGateway(ctx, request);

    public DescribeInternetGatewaysResult DescribeInternetGateways(RequestContext ctx, DescribeInternetGatewaysRequest request) => InternetGateways.DescribeInternetGateways(ctx, request);

    // ------------------------------------------------------------------ NatGateways
    public CreateNatGatewayResult CreateNatGateway(RequestContext ctx, CreateNatGatewayRequest request) => NatGateways.CreateNatGateway(ctx, request);

    public DeleteNatGatewayResult DeleteNatGateway(RequestContext ctx, DeleteNatGatewayRequest request) => NatGateways.DeleteNatGateway(ctx, request);

    public DescribeNatGatewaysResult DescribeNatGateways(RequestContext ctx, DescribeNatGatewaysRequest request) => NatGateways.DescribeNatGateways(ctx, request);

    // ------------------------------------------------------------------ NetworkAcls
    public CreateNetworkAclResult CreateNetworkAcl(RequestContext ctx, CreateNetworkAclRequest request) => NetworkAcls.CreateNetworkAcl(ctx, request);

    public EmptyResult DeleteNetworkAcl(RequestContext ctx, DeleteNetworkAclRequest request) => NetworkAcls.DeleteNetworkAcl(ctx, request);

    public DescribeNetworkAclsResult DescribeNetworkAcls(RequestContext ctx, DescribeNetworkAclsRequest request) => NetworkAcls.DescribeNetworkAcls(ctx, request);

    public EmptyResult CreateNetworkAclEntry(RequestContext ctx, CreateNetworkAclEntryRequest request) => NetworkAcls.CreateNetworkAclEntry(ctx, request);

    public EmptyResult ReplaceNetworkAclEntry(RequestContext ctx, ReplaceNetworkAclEntryRequest request) => NetworkAcls.ReplaceNetworkAclEntry(ctx, request);

    public EmptyResult DeleteNetworkAclEntry(RequestContext ctx, DeleteNetworkAclEntryRequest request) => NetworkAcls.DeleteNetworkAclEntry(ctx, request);

    public ReplaceNetworkAclAssociationResult ReplaceNetworkAclAssociation(RequestContext ctx, ReplaceNetworkAclAssociationRequest request) => NetworkAcls.ReplaceNetworkAclAssociation(ctx, request);

    // ------------------------------------------------------------------ NetworkInterfaces
    public CreateNetworkInterfaceResult CreateNetworkInterface(RequestContext ctx, CreateNetworkInterfaceRequest request) => NetworkInterfaces.CreateNetworkInterface(ctx, request);

    public EmptyResult DeleteNetworkInterface(RequestContext ctx, DeleteNetworkInterfaceRequest request) => NetworkInterfaces.DeleteNetworkInterface(ctx, request);

    public DescribeNetworkInterfacesResult DescribeNetworkInterfaces(RequestContext ctx, DescribeNetworkInterfacesRequest request) => NetworkInterfaces.DescribeNetworkInterfaces(ctx, request);

    public EmptyResult ModifyNetworkInterfaceAttribute(RequestContext ctx, ModifyNetworkInterfaceAttributeRequest request) => NetworkInterfaces.ModifyNetworkInterfaceAttribute(ctx, request);

    public AssignPrivateIpAddressesResult AssignPrivateIpAddresses(RequestContext ctx, AssignPrivateIpAddressesRequest request) => NetworkInterfaces.AssignPrivateIpAddresses(ctx, request);

    public EmptyResult UnassignPrivateIpAddresses(RequestContext ctx, UnassignPrivateIpAddressesRequest request) => NetworkInterfaces.UnassignPrivateIpAddresses(ctx, request);

    public AssignIpv6AddressesResult AssignIpv6Addresses(RequestContext ctx, AssignIpv6AddressesRequest request) => NetworkInterfaces.AssignIpv6Addresses(ctx, request);

    public UnassignIpv6AddressesResult UnassignIpv6Addresses(RequestContext ctx, UnassignIpv6AddressesRequest request) => NetworkInterfaces.UnassignIpv6Addresses(ctx, request);

    public AttachNetworkInterfaceResult AttachNetworkInterface(RequestContext ctx, AttachNetworkInterfaceRequest request) => NetworkInterfaces.AttachNetworkInterface(ctx, request);

    public EmptyResult DetachNetworkInterface(RequestContext ctx, DetachNetworkInterfaceRequest request) => NetworkInterfaces.DetachNetworkInterface(ctx, request);

    // ------------------------------------------------------------------ PrefixLists
    public CreateManagedPrefixListResult CreateManagedPrefixList(RequestContext ctx, CreateManagedPrefixListRequest request) => PrefixLists.CreateManagedPrefixList(ctx, request);

    public ModifyManagedPrefixListResult ModifyManagedPrefixList(RequestContext ctx, ModifyManagedPrefixListRequest request) => PrefixLists.ModifyManagedPrefixList(ctx, request);

    public DeleteManagedPrefixListResult DeleteManagedPrefixList(RequestContext ctx, DeleteManagedPrefixListRequest request) => PrefixLists.DeleteManagedPrefixList(ctx, request);

    public DescribeManagedPrefixListsResult DescribeManagedPrefixLists(RequestContext ctx, DescribeManagedPrefixListsRequest request) => PrefixLists.DescribeManagedPrefixLists(ctx, request);

    public GetManagedPrefixListEntriesResult GetManagedPrefixListEntries(RequestContext ctx, GetManagedPrefixListEntriesRequest request) => PrefixLists.GetManagedPrefixListEntries(ctx, request);

    public DescribePrefixListsResult DescribePrefixLists(RequestContext ctx, DescribePrefixListsRequest request) => PrefixLists.DescribePrefixLists(ctx, request);

    // ------------------------------------------------------------------ RouteTables
    public CreateRouteTableResult CreateRouteTable(RequestContext ctx, CreateRouteTableRequest request) => RouteTables.CreateRouteTable(ctx, request);

    public EmptyResult DeleteRouteTable(RequestContext ctx, DeleteRouteTableRequest request) => RouteTables.DeleteRouteTable(ctx, request);

    public DescribeRouteTablesResult DescribeRouteTables(RequestContext ctx, DescribeRouteTablesRequest request) => RouteTables.DescribeRouteTables(ctx, request);

    public AssociateRouteTableResult AssociateRouteTable(RequestContext ctx, AssociateRouteTableRequest request) => RouteTables.AssociateRouteTable(ctx, request);

    public EmptyResult DisassociateRouteTable(RequestContext ctx, DisassociateRouteTableRequest request) => RouteTables.DisassociateRouteTable(ctx, request);

    public ReplaceRouteTableAssociationResult ReplaceRouteTableAssociation(RequestContext ctx, ReplaceRouteTableAssociationRequest request) => RouteTables.ReplaceRouteTableAssociation(ctx, request);

    public ReturnResult CreateRoute(RequestContext ctx, CreateRouteRequest request) => RouteTables.CreateRoute(ctx, request);

    public EmptyResult ReplaceRoute(RequestContext ctx, ReplaceRouteRequest request) => RouteTables.ReplaceRoute(ctx, request);

    public EmptyResult DeleteRoute(RequestContext ctx, DeleteRouteRequest request) => RouteTables.DeleteRoute(ctx, request);

    // ------------------------------------------------------------------ SecurityGroupRuleDescriptions
    public ReturnResult UpdateSecurityGroupRuleDescriptionsIngress(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsIngressRequest request) => SecurityGroupRuleDescriptions.UpdateSecurityGroupRuleDescriptionsIngress(ctx, request);

    public ReturnResult UpdateSecurityGroupRuleDescriptionsEgress(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsEgressRequest request) => SecurityGroupRuleDescriptions.UpdateSecurityGroupRuleDescriptionsEgress(ctx, request);

    // ------------------------------------------------------------------ SecurityGroups
    public CreateSecurityGroupResult CreateSecurityGroup(RequestContext ctx, CreateSecurityGroupRequest request) => SecurityGroups.CreateSecurityGroup(ctx, request);

    public DeleteSecurityGroupResult DeleteSecurityGroup(RequestContext ctx, DeleteSecurityGroupRequest request) => SecurityGroups.DeleteSecurityGroup(ctx, request);

    public DescribeSecurityGroupsResult DescribeSecurityGroups(RequestContext ctx, DescribeSecurityGroupsRequest request) => SecurityGroups.DescribeSecurityGroups(ctx, request);

    public AuthorizeSecurityGroupIngressResult AuthorizeSecurityGroupIngress(RequestContext ctx, AuthorizeSecurityGroupIngressRequest request) => SecurityGroups.AuthorizeSecurityGroupIngress(ctx, request);

    public AuthorizeSecurityGroupEgressResult AuthorizeSecurityGroupEgress(RequestContext ctx, AuthorizeSecurityGroupEgressRequest request) => SecurityGroups.AuthorizeSecurityGroupEgress(ctx, request);

    public RevokeSecurityGroupIngressResult RevokeSecurityGroupIngress(RequestContext ctx, RevokeSecurityGroupIngressRequest request) => SecurityGroups.RevokeSecurityGroupIngress(ctx, request);

    public RevokeSecurityGroupEgressResult RevokeSecurityGroupEgress(RequestContext ctx, RevokeSecurityGroupEgressRequest request) => SecurityGroups.RevokeSecurityGroupEgress(ctx, request);

    public DescribeSecurityGroupRulesResult DescribeSecurityGroupRules(RequestContext ctx, DescribeSecurityGroupRulesRequest request) => SecurityGroups.DescribeSecurityGroupRules(ctx, request);

    public ReturnResult ModifySecurityGroupRules(RequestContext ctx, ModifySecurityGroupRulesRequest request) => SecurityGroups.ModifySecurityGroupRules(ctx, request);

    // ------------------------------------------------------------------ StaleSecurityGroups
    public DescribeStaleSecurityGroupsResult DescribeStaleSecurityGroups(RequestContext ctx, DescribeStaleSecurityGroupsRequest request) => StaleSecurityGroups.DescribeStaleSecurityGroups(ctx, request);

    // ------------------------------------------------------------------ Subnets
    public CreateSubnetResult CreateSubnet(RequestContext ctx, CreateSubnetRequest request) => Subnets.CreateSubnet(ctx, request);

    public DescribeSubnetsResult DescribeSubnets(RequestContext ctx, DescribeSubnetsRequest request) => Subnets.DescribeSubnets(ctx, request);

    public EmptyResult DeleteSubnet(RequestContext ctx, DeleteSubnetRequest request) => Subnets.DeleteSubnet(ctx, request);

    public EmptyResult ModifySubnetAttribute(RequestContext ctx, ModifySubnetAttributeRequest request) => Subnets.ModifySubnetAttribute(ctx, request);

    public AssociateSubnetCidrBlockResult AssociateSubnetCidrBlock(RequestContext ctx, AssociateSubnetCidrBlockRequest request) => Subnets.AssociateSubnetCidrBlock(ctx, request);

    public DisassociateSubnetCidrBlockResult DisassociateSubnetCidrBlock(RequestContext ctx, DisassociateSubnetCidrBlockRequest request) => Subnets.DisassociateSubnetCidrBlock(ctx, request);

    public DescribeAvailabilityZonesResult DescribeAvailabilityZones(RequestContext ctx, DescribeAvailabilityZonesRequest request) => RegionsAndZones.DescribeAvailabilityZones(ctx, request);

    public DescribeRegionsResult DescribeRegions(RequestContext ctx, DescribeRegionsRequest request) => RegionsAndZones.DescribeRegions(ctx, request);

    // ------------------------------------------------------------------ Tags
    public EmptyResult CreateTags(RequestContext ctx, CreateTagsRequest request) => Tags.CreateTags(ctx, request);

    public EmptyResult DeleteTags(RequestContext ctx, DeleteTagsRequest request) => Tags.DeleteTags(ctx, request);

    public DescribeTagsResult DescribeTags(RequestContext ctx, DescribeTagsRequest request) => Tags.DescribeTags(ctx, request);

    // ------------------------------------------------------------------ VpcEndpointServices
    public DescribeVpcEndpointServicesResult DescribeVpcEndpointServices(RequestContext ctx, DescribeVpcEndpointServicesRequest request) => VpcEndpointServices.DescribeVpcEndpointServices(ctx, request);

    // ------------------------------------------------------------------ VpcEndpoints
    public CreateVpcEndpointResult CreateVpcEndpoint(RequestContext ctx, CreateVpcEndpointRequest request) => VpcEndpoints.CreateVpcEndpoint(ctx, request);

    public ModifyVpcEndpointResult ModifyVpcEndpoint(RequestContext ctx, ModifyVpcEndpointRequest request) => VpcEndpoints.ModifyVpcEndpoint(ctx, request);

    public DescribeVpcEndpointsResult DescribeVpcEndpoints(RequestContext ctx, DescribeVpcEndpointsRequest request) => VpcEndpoints.DescribeVpcEndpoints(ctx, request);

    public DeleteVpcEndpointsResult DeleteVpcEndpoints(RequestContext ctx, DeleteVpcEndpointsRequest request) => VpcEndpoints.DeleteVpcEndpoints(ctx, request);

    // ------------------------------------------------------------------ VpcPeering
    public CreateVpcPeeringConnectionResult CreateVpcPeeringConnection(RequestContext ctx, CreateVpcPeeringConnectionRequest request) => VpcPeering.CreateVpcPeeringConnection(ctx, request);

    public AcceptVpcPeeringConnectionResult AcceptVpcPeeringConnection(RequestContext ctx, AcceptVpcPeeringConnectionRequest request) => VpcPeering.AcceptVpcPeeringConnection(ctx, request);

    public ReturnResult RejectVpcPeeringConnection(RequestContext ctx, RejectVpcPeeringConnectionRequest request) => VpcPeering.RejectVpcPeeringConnection(ctx, request);

    public ReturnResult DeleteVpcPeeringConnection(RequestContext ctx, DeleteVpcPeeringConnectionRequest request) => VpcPeering.DeleteVpcPeeringConnection(ctx, request);

    public DescribeVpcPeeringConnectionsResult DescribeVpcPeeringConnections(RequestContext ctx, DescribeVpcPeeringConnectionsRequest request) => VpcPeering.DescribeVpcPeeringConnections(ctx, request);

    public ModifyVpcPeeringConnectionOptionsResult ModifyVpcPeeringConnectionOptions(RequestContext ctx, ModifyVpcPeeringConnectionOptionsRequest request) => VpcPeering.ModifyVpcPeeringConnectionOptions(ctx, request);

    // ------------------------------------------------------------------ Vpcs
    public CreateVpcResult CreateVpc(RequestContext ctx, CreateVpcRequest request) => Vpcs.CreateVpc(ctx, request);

    public DescribeVpcsResult DescribeVpcs(RequestContext ctx, DescribeVpcsRequest request) => Vpcs.DescribeVpcs(ctx, request);

    public EmptyResult DeleteVpc(RequestContext ctx, DeleteVpcRequest request) => Vpcs.DeleteVpc(ctx, request);

    public AssociateVpcCidrBlockResult AssociateVpcCidrBlock(RequestContext ctx, AssociateVpcCidrBlockRequest request) => Vpcs.AssociateVpcCidrBlock(ctx, request);

    public DisassociateVpcCidrBlockResult DisassociateVpcCidrBlock(RequestContext ctx, DisassociateVpcCidrBlockRequest request) => Vpcs.DisassociateVpcCidrBlock(ctx, request);

    public EmptyResult ModifyVpcAttribute(RequestContext ctx, ModifyVpcAttributeRequest request) => Vpcs.ModifyVpcAttribute(ctx, request);

    public DescribeVpcAttributeResult DescribeVpcAttribute(RequestContext ctx, DescribeVpcAttributeRequest request) => Vpcs.DescribeVpcAttribute(ctx, request);
}
