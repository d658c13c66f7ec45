using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Ec2;

/// <summary>The action table's networking part (Regions, VPCs, subnets, routing, filtering, interfaces, instances,
/// gateways, endpoints, peering, flow logs); with <see cref="ToolActions"/>, <see cref="IacActions"/> and
/// <see cref="LaunchTemplateActions"/> every EC2 action of the model subset that the control plane implements.
/// Actions of the subset it lacks would be absent, so the host would answer them InvalidAction (docs/semantics.md#actions).</summary>
internal static class NetworkActions
{
    public static void Register(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        RegisterVpcsAndSubnets(r, cp);
        RegisterRouting(r, cp);
        RegisterFiltering(r, cp);
        RegisterInterfacesAndInstances(r, cp);
        RegisterConnectivity(r, cp);
    }

    /// <summary>Regions, zones, account attributes, VPCs, DHCP options, subnets.</summary>
    private static void RegisterVpcsAndSubnets(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        // Regions and zones
        r.List<DescribeRegionsRequest, DescribeRegionsResult, RegionListing>("DescribeRegions", cp.DescribeRegions,
            x => x.Regions, "Regions", g => g.Region.Name, (g, _) => RegionShape.Map(g));
        r.List<DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult, AvailabilityZone>("DescribeAvailabilityZones",
            cp.DescribeAvailabilityZones, x => x.AvailabilityZones, "AvailabilityZones", z => z.Name, (z, _) => RegionShape.Zone(z));

        // Account attributes (src/VpcLab.ControlPlane/AccountAttributes/)
        r.List<DescribeAccountAttributesRequest, DescribeAccountAttributesResult, AccountAttribute>("DescribeAccountAttributes", cp.DescribeAccountAttributes,
            x => x.AccountAttributes, "AccountAttributes", null, (a, _) => new JsonObject
            {
                ["AttributeName"] = a.AttributeName,
                ["AttributeValues"] = Json.Array(a.AttributeValues, v => new JsonObject { ["AttributeValue"] = v }),
            });

        // VPCs
        r.Action<CreateVpcRequest, CreateVpcResult>("CreateVpc", cp.CreateVpc, (x, c, _) => new JsonObject { ["Vpc"] = VpcShape.Map(x.Vpc, c) });
        r.Action<CreateDefaultSubnetRequest, CreateDefaultSubnetResult>("CreateDefaultSubnet", cp.CreateDefaultSubnet, (x, c, _) => new JsonObject { ["Subnet"] = SubnetShape.Map(x.Subnet, c) });
        r.Action<CreateDefaultVpcRequest, CreateDefaultVpcResult>("CreateDefaultVpc", cp.CreateDefaultVpc, (x, c, _) => new JsonObject { ["Vpc"] = VpcShape.Map(x.Vpc, c) });
        r.List<DescribeVpcsRequest, DescribeVpcsResult, Vpc>("DescribeVpcs", cp.DescribeVpcs, x => x.Vpcs, "Vpcs", v => v.Id.Value, VpcShape.Map, windowed: true);
        r.Empty<DeleteVpcRequest, EmptyResult>("DeleteVpc", cp.DeleteVpc);
        r.Empty<ModifyVpcAttributeRequest, EmptyResult>("ModifyVpcAttribute", cp.ModifyVpcAttribute);
        r.Action<DescribeVpcAttributeRequest, DescribeVpcAttributeResult>("DescribeVpcAttribute", cp.DescribeVpcAttribute, (x, _, _) => VpcShape.Attribute(x));
        r.Action<AssociateVpcCidrBlockRequest, AssociateVpcCidrBlockResult>("AssociateVpcCidrBlock", cp.AssociateVpcCidrBlock,
            (x, c, _) => VpcShape.CidrAssociationResult(x.VpcId, x.CidrBlockAssociation, x.Ipv6CidrBlockAssociation, c));
        r.Action<DisassociateVpcCidrBlockRequest, DisassociateVpcCidrBlockResult>("DisassociateVpcCidrBlock", cp.DisassociateVpcCidrBlock,
            (x, c, _) => VpcShape.CidrAssociationResult(x.VpcId, x.CidrBlockAssociation, x.Ipv6CidrBlockAssociation, c));

        // DHCP options (src/VpcLab.ControlPlane/DhcpOptions/)
        r.Action<CreateDhcpOptionsRequest, CreateDhcpOptionsResult>("CreateDhcpOptions", cp.CreateDhcpOptions,
            (x, c, _) => new JsonObject { ["DhcpOptions"] = DhcpOptionsShape.Map(x.DhcpOptions, c) });
        r.Empty<DeleteDhcpOptionsRequest, EmptyResult>("DeleteDhcpOptions", cp.DeleteDhcpOptions);
        r.Empty<AssociateDhcpOptionsRequest, EmptyResult>("AssociateDhcpOptions", cp.AssociateDhcpOptions);
        r.List<DescribeDhcpOptionsRequest, DescribeDhcpOptionsResult, DhcpOptionsSet>("DescribeDhcpOptions", cp.DescribeDhcpOptions,
            x => x.DhcpOptions, "DhcpOptions", d => d.Id, DhcpOptionsShape.Map, windowed: true);

        // Subnets
        r.Action<CreateSubnetRequest, CreateSubnetResult>("CreateSubnet", cp.CreateSubnet, (x, c, _) => new JsonObject { ["Subnet"] = SubnetShape.Map(x.Subnet, c) });
        r.List<DescribeSubnetsRequest, DescribeSubnetsResult, Subnet>("DescribeSubnets", cp.DescribeSubnets, x => x.Subnets, "Subnets", s => s.Id.Value, SubnetShape.Map, windowed: true);
        r.Empty<DeleteSubnetRequest, EmptyResult>("DeleteSubnet", cp.DeleteSubnet);
        r.Empty<ModifySubnetAttributeRequest, EmptyResult>("ModifySubnetAttribute", cp.ModifySubnetAttribute);
        r.Action<AssociateSubnetCidrBlockRequest, AssociateSubnetCidrBlockResult>("AssociateSubnetCidrBlock", cp.AssociateSubnetCidrBlock,
            (x, _, _) => SubnetShape.CidrAssociationResult(x.SubnetId, x.Ipv6CidrBlockAssociation));
        r.Action<DisassociateSubnetCidrBlockRequest, DisassociateSubnetCidrBlockResult>("DisassociateSubnetCidrBlock", cp.DisassociateSubnetCidrBlock,
            (x, _, _) => SubnetShape.CidrAssociationResult(x.SubnetId, x.Ipv6CidrBlockAssociation));
    }

    /// <summary>Route tables, gateways, NAT gateways, Elastic IPs.</summary>
    private static void RegisterRouting(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        // Route tables, routes, associations
        r.Action<CreateRouteTableRequest, CreateRouteTableResult>("CreateRouteTable", cp.CreateRouteTable,
            (x, c, p) => new JsonObject { ["RouteTable"] = RouteTableShape.Map(x.RouteTable, c), ["ClientToken"] = ClientToken(p) });
        r.List<DescribeRouteTablesRequest, DescribeRouteTablesResult, RouteTable>("DescribeRouteTables", cp.DescribeRouteTables,
            x => x.RouteTables, "RouteTables", t => t.Id.Value, RouteTableShape.Map, windowed: true);
        r.Empty<DeleteRouteTableRequest, EmptyResult>("DeleteRouteTable", cp.DeleteRouteTable);
        r.Action<AssociateRouteTableRequest, AssociateRouteTableResult>("AssociateRouteTable", cp.AssociateRouteTable,
            (x, _, _) => new JsonObject { ["AssociationId"] = x.AssociationId, ["AssociationState"] = Json.State(x.AssociationState.State) });
        r.Empty<DisassociateRouteTableRequest, EmptyResult>("DisassociateRouteTable", cp.DisassociateRouteTable);
        r.Action<ReplaceRouteTableAssociationRequest, ReplaceRouteTableAssociationResult>("ReplaceRouteTableAssociation", cp.ReplaceRouteTableAssociation,
            (x, _, _) => new JsonObject { ["NewAssociationId"] = x.NewAssociationId, ["AssociationState"] = Json.State(x.AssociationState.State) });
        r.Action<CreateRouteRequest, ReturnResult>("CreateRoute", cp.CreateRoute, (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.Empty<ReplaceRouteRequest, EmptyResult>("ReplaceRoute", cp.ReplaceRoute);
        r.Empty<DeleteRouteRequest, EmptyResult>("DeleteRoute", cp.DeleteRoute);

        // Internet gateways, egress-only internet gateways
        r.Action<CreateInternetGatewayRequest, CreateInternetGatewayResult>("CreateInternetGateway", cp.CreateInternetGateway,
            (x, c, _) => new JsonObject { ["InternetGateway"] = InternetGatewayShape.Map(x.InternetGateway, c) });
        r.Empty<AttachInternetGatewayRequest, EmptyResult>("AttachInternetGateway", cp.AttachInternetGateway);
        r.Empty<DetachInternetGatewayRequest, EmptyResult>("DetachInternetGateway", cp.DetachInternetGateway);
        r.Empty<DeleteInternetGatewayRequest, EmptyResult>("DeleteInternetGateway", cp.DeleteInternetGateway);
        r.List<DescribeInternetGatewaysRequest, DescribeInternetGatewaysResult, InternetGateway>("DescribeInternetGateways", cp.DescribeInternetGateways,
            x => x.InternetGateways, "InternetGateways", g => g.Id.Value, InternetGatewayShape.Map, windowed: true);
        r.Action<CreateEgressOnlyInternetGatewayRequest, CreateEgressOnlyInternetGatewayResult>("CreateEgressOnlyInternetGateway", cp.CreateEgressOnlyInternetGateway,
            (x, c, p) => new JsonObject { ["ClientToken"] = ClientToken(p), ["EgressOnlyInternetGateway"] = EgressOnlyInternetGatewayShape.Map(x.EgressOnlyInternetGateway, c) });
        r.Action<DeleteEgressOnlyInternetGatewayRequest, DeleteEgressOnlyInternetGatewayResult>("DeleteEgressOnlyInternetGateway", cp.DeleteEgressOnlyInternetGateway,
            (x, _, _) => new JsonObject { ["ReturnCode"] = x.ReturnCode });
        r.List<DescribeEgressOnlyInternetGatewaysRequest, DescribeEgressOnlyInternetGatewaysResult, EgressOnlyInternetGateway>("DescribeEgressOnlyInternetGateways",
            cp.DescribeEgressOnlyInternetGateways, x => x.EgressOnlyInternetGateways, "EgressOnlyInternetGateways", g => g.Id.Value, EgressOnlyInternetGatewayShape.Map, windowed: true);

        // NAT gateways
        r.Action<CreateNatGatewayRequest, CreateNatGatewayResult>("CreateNatGateway", cp.CreateNatGateway,
            (x, c, p) => new JsonObject { ["ClientToken"] = ClientToken(p), ["NatGateway"] = NatGatewayShape.Map(x.NatGateway, c) });
        r.Action<DeleteNatGatewayRequest, DeleteNatGatewayResult>("DeleteNatGateway", cp.DeleteNatGateway,
            (x, _, _) => new JsonObject { ["NatGatewayId"] = x.NatGatewayId });
        r.List<DescribeNatGatewaysRequest, DescribeNatGatewaysResult, NatGateway>("DescribeNatGateways", cp.DescribeNatGateways,
            x => x.NatGateways, "NatGateways", g => g.Id.Value, NatGatewayShape.Map, windowed: true);

        // Elastic IPs
        r.Action<AllocateAddressRequest, AllocateAddressResult>("AllocateAddress", cp.AllocateAddress, (x, _, _) => AddressShape.Allocated(x));
        r.Action<AssociateAddressRequest, AssociateAddressResult>("AssociateAddress", cp.AssociateAddress,
            (x, _, _) => new JsonObject { ["AssociationId"] = x.AssociationId });
        r.Empty<DisassociateAddressRequest, EmptyResult>("DisassociateAddress", cp.DisassociateAddress);
        r.Empty<ReleaseAddressRequest, EmptyResult>("ReleaseAddress", cp.ReleaseAddress);
        r.List<DescribeAddressesRequest, DescribeAddressesResult, ElasticIpAddress>("DescribeAddresses", cp.DescribeAddresses,
            x => x.Addresses, "Addresses", a => a.AllocationId.Value, AddressShape.Map, windowed: true);
    }

    /// <summary>Security groups and network ACLs.</summary>
    private static void RegisterFiltering(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        // Security groups and rules
        r.Action<CreateSecurityGroupRequest, CreateSecurityGroupResult>("CreateSecurityGroup", cp.CreateSecurityGroup, (x, c, _) => SecurityGroupShape.Created(x, c));
        r.Action<DeleteSecurityGroupRequest, DeleteSecurityGroupResult>("DeleteSecurityGroup", cp.DeleteSecurityGroup,
            (x, _, _) => new JsonObject { ["Return"] = x.Return, ["GroupId"] = x.GroupId });
        r.List<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResult, SecurityGroup>("DescribeSecurityGroups", cp.DescribeSecurityGroups,
            x => x.SecurityGroups, "SecurityGroups", g => g.Id.Value, SecurityGroupShape.Map, windowed: true);
        r.Action<AuthorizeSecurityGroupIngressRequest, AuthorizeSecurityGroupIngressResult>("AuthorizeSecurityGroupIngress", cp.AuthorizeSecurityGroupIngress,
            (x, c, _) => new JsonObject { ["Return"] = x.Return, ["SecurityGroupRules"] = Json.Array(x.SecurityGroupRules, e => SecurityGroupRuleShape.Map(e, c)) });
        r.Action<AuthorizeSecurityGroupEgressRequest, AuthorizeSecurityGroupEgressResult>("AuthorizeSecurityGroupEgress", cp.AuthorizeSecurityGroupEgress,
            (x, c, _) => new JsonObject { ["Return"] = x.Return, ["SecurityGroupRules"] = Json.Array(x.SecurityGroupRules, e => SecurityGroupRuleShape.Map(e, c)) });
        r.Action<RevokeSecurityGroupIngressRequest, RevokeSecurityGroupIngressResult>("RevokeSecurityGroupIngress", cp.RevokeSecurityGroupIngress,
            (x, c, _) => new JsonObject { ["Return"] = x.Return, ["RevokedSecurityGroupRules"] = Json.Array(x.RevokedSecurityGroupRules, e => SecurityGroupRuleShape.Revoked(e, c)) });
        r.Action<RevokeSecurityGroupEgressRequest, RevokeSecurityGroupEgressResult>("RevokeSecurityGroupEgress", cp.RevokeSecurityGroupEgress,
            (x, c, _) => new JsonObject { ["Return"] = x.Return, ["RevokedSecurityGroupRules"] = Json.Array(x.RevokedSecurityGroupRules, e => SecurityGroupRuleShape.Revoked(e, c)) });
        r.Action<ModifySecurityGroupRulesRequest, ReturnResult>("ModifySecurityGroupRules", cp.ModifySecurityGroupRules,
            (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.Action<UpdateSecurityGroupRuleDescriptionsIngressRequest, ReturnResult>("UpdateSecurityGroupRuleDescriptionsIngress",
            cp.UpdateSecurityGroupRuleDescriptionsIngress, (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.Action<UpdateSecurityGroupRuleDescriptionsEgressRequest, ReturnResult>("UpdateSecurityGroupRuleDescriptionsEgress",
            cp.UpdateSecurityGroupRuleDescriptionsEgress, (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.List<DescribeSecurityGroupRulesRequest, DescribeSecurityGroupRulesResult, SecurityGroupRuleEntry>("DescribeSecurityGroupRules", cp.DescribeSecurityGroupRules,
            x => x.SecurityGroupRules, "SecurityGroupRules", key: null, SecurityGroupRuleShape.Map); // the control plane's order (creation)

        // Network ACLs and entries
        r.Action<CreateNetworkAclRequest, CreateNetworkAclResult>("CreateNetworkAcl", cp.CreateNetworkAcl,
            (x, c, p) => new JsonObject { ["NetworkAcl"] = NetworkAclShape.Map(x.NetworkAcl, c), ["ClientToken"] = ClientToken(p) });
        r.Empty<DeleteNetworkAclRequest, EmptyResult>("DeleteNetworkAcl", cp.DeleteNetworkAcl);
        r.List<DescribeNetworkAclsRequest, DescribeNetworkAclsResult, NetworkAcl>("DescribeNetworkAcls", cp.DescribeNetworkAcls,
            x => x.NetworkAcls, "NetworkAcls", a => a.Id.Value, NetworkAclShape.Map, windowed: true);
        r.Empty<CreateNetworkAclEntryRequest, EmptyResult>("CreateNetworkAclEntry", cp.CreateNetworkAclEntry);
        r.Empty<ReplaceNetworkAclEntryRequest, EmptyResult>("ReplaceNetworkAclEntry", cp.ReplaceNetworkAclEntry);
        r.Empty<DeleteNetworkAclEntryRequest, EmptyResult>("DeleteNetworkAclEntry", cp.DeleteNetworkAclEntry);
        r.Action<ReplaceNetworkAclAssociationRequest, ReplaceNetworkAclAssociationResult>("ReplaceNetworkAclAssociation", cp.ReplaceNetworkAclAssociation,
            (x, _, _) => new JsonObject { ["NewAssociationId"] = x.NewAssociationId });
    }

    /// <summary>Network interfaces, instances, tags.</summary>
    private static void RegisterInterfacesAndInstances(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        // Network interfaces
        r.Action<CreateNetworkInterfaceRequest, CreateNetworkInterfaceResult>("CreateNetworkInterface", cp.CreateNetworkInterface,
            (x, c, p) => new JsonObject { ["NetworkInterface"] = NetworkInterfaceShape.Map(x.NetworkInterface, c), ["ClientToken"] = ClientToken(p) });
        r.Empty<DeleteNetworkInterfaceRequest, EmptyResult>("DeleteNetworkInterface", cp.DeleteNetworkInterface);
        r.List<DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResult, NetworkInterface>("DescribeNetworkInterfaces", cp.DescribeNetworkInterfaces,
            x => x.NetworkInterfaces, "NetworkInterfaces", e => e.Id.Value, NetworkInterfaceShape.Map, windowed: true);
        r.Empty<ModifyNetworkInterfaceAttributeRequest, EmptyResult>("ModifyNetworkInterfaceAttribute", cp.ModifyNetworkInterfaceAttribute);
        r.Action<AssignPrivateIpAddressesRequest, AssignPrivateIpAddressesResult>("AssignPrivateIpAddresses", cp.AssignPrivateIpAddresses,
            (x, _, _) => new JsonObject
            {
                ["NetworkInterfaceId"] = x.NetworkInterfaceId,
                ["AssignedPrivateIpAddresses"] = Json.Array(x.AssignedPrivateIpAddresses, a => new JsonObject { ["PrivateIpAddress"] = a.PrivateIpAddress }),
            });
        r.Empty<UnassignPrivateIpAddressesRequest, EmptyResult>("UnassignPrivateIpAddresses", cp.UnassignPrivateIpAddresses);
        r.Action<AssignIpv6AddressesRequest, AssignIpv6AddressesResult>("AssignIpv6Addresses", cp.AssignIpv6Addresses,
            (x, _, _) => new JsonObject { ["AssignedIpv6Addresses"] = Json.Array(x.AssignedIpv6Addresses, a => a), ["NetworkInterfaceId"] = x.NetworkInterfaceId });
        r.Action<UnassignIpv6AddressesRequest, UnassignIpv6AddressesResult>("UnassignIpv6Addresses", cp.UnassignIpv6Addresses,
            (x, _, _) => new JsonObject { ["NetworkInterfaceId"] = x.NetworkInterfaceId, ["UnassignedIpv6Addresses"] = Json.Array(x.UnassignedIpv6Addresses, a => a) });
        r.Action<AttachNetworkInterfaceRequest, AttachNetworkInterfaceResult>("AttachNetworkInterface", cp.AttachNetworkInterface,
            (x, _, _) => new JsonObject { ["AttachmentId"] = x.AttachmentId, ["NetworkCardIndex"] = x.NetworkCardIndex });
        r.Empty<DetachNetworkInterfaceRequest, EmptyResult>("DetachNetworkInterface", cp.DetachNetworkInterface);

        // Instances
        r.Action<RunInstancesRequest, Reservation>("RunInstances", cp.RunInstances, (x, c, _) => InstanceShape.Reservation(x, c));
        r.List<DescribeInstancesRequest, DescribeInstancesResult, Reservation>("DescribeInstances", cp.DescribeInstances,
            x => x.Reservations, "Reservations", v => v.ReservationId, InstanceShape.Reservation);
        r.Action<TerminateInstancesRequest, TerminateInstancesResult>("TerminateInstances", cp.TerminateInstances,
            (x, _, _) => new JsonObject { ["TerminatingInstances"] = Json.Array(x.TerminatingInstances, InstanceShape.StateChange) });
        r.Action<StopInstancesRequest, StopInstancesResult>("StopInstances", cp.StopInstances,
            (x, _, _) => new JsonObject { ["StoppingInstances"] = Json.Array(x.StoppingInstances, InstanceShape.StateChange) });
        r.Action<StartInstancesRequest, StartInstancesResult>("StartInstances", cp.StartInstances,
            (x, _, _) => new JsonObject { ["StartingInstances"] = Json.Array(x.StartingInstances, InstanceShape.StateChange) });
        r.Empty<ModifyInstanceAttributeRequest, EmptyResult>("ModifyInstanceAttribute", cp.ModifyInstanceAttribute);
        r.Action<ModifyPrivateDnsNameOptionsRequest, ReturnResult>("ModifyPrivateDnsNameOptions", cp.ModifyPrivateDnsNameOptions, (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.Action<DescribeInstanceAttributeRequest, DescribeInstanceAttributeResult>("DescribeInstanceAttribute", cp.DescribeInstanceAttribute,
            (x, c, _) => InstanceShape.Attribute(x, c));

        // Tags
        r.Empty<CreateTagsRequest, EmptyResult>("CreateTags", cp.CreateTags);
        r.Empty<DeleteTagsRequest, EmptyResult>("DeleteTags", cp.DeleteTags);
        r.List<DescribeTagsRequest, DescribeTagsResult, TagDescription>("DescribeTags", cp.DescribeTags,
            x => x.Tags, "Tags", t => t.ResourceId + "\0" + t.Key, (t, _) => TagShape.Map(t));

        r.List<DescribeStaleSecurityGroupsRequest, DescribeStaleSecurityGroupsResult, StaleSecurityGroup>("DescribeStaleSecurityGroups",
            cp.DescribeStaleSecurityGroups, x => x.StaleSecurityGroupSet, "StaleSecurityGroupSet", g => g.GroupId.Value, StaleSecurityGroupShape.Map);
    }

    /// <summary>Peering, flow logs, prefix lists, endpoint services and VPC endpoints.</summary>
    private static void RegisterConnectivity(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        // VPC peering (src/VpcLab.ControlPlane/VpcPeering/)
        r.Action<CreateVpcPeeringConnectionRequest, CreateVpcPeeringConnectionResult>("CreateVpcPeeringConnection", cp.CreateVpcPeeringConnection,
            (x, c, _) => new JsonObject { ["VpcPeeringConnection"] = VpcPeeringConnectionShape.Map(x.VpcPeeringConnection, c) });
        r.Action<AcceptVpcPeeringConnectionRequest, AcceptVpcPeeringConnectionResult>("AcceptVpcPeeringConnection", cp.AcceptVpcPeeringConnection,
            (x, c, _) => new JsonObject { ["VpcPeeringConnection"] = VpcPeeringConnectionShape.Map(x.VpcPeeringConnection, c) });
        r.Action<RejectVpcPeeringConnectionRequest, ReturnResult>("RejectVpcPeeringConnection", cp.RejectVpcPeeringConnection,
            (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.Action<DeleteVpcPeeringConnectionRequest, ReturnResult>("DeleteVpcPeeringConnection", cp.DeleteVpcPeeringConnection,
            (x, _, _) => new JsonObject { ["Return"] = x.Return });
        r.List<DescribeVpcPeeringConnectionsRequest, DescribeVpcPeeringConnectionsResult, VpcPeeringConnection>("DescribeVpcPeeringConnections",
            cp.DescribeVpcPeeringConnections, x => x.VpcPeeringConnections, "VpcPeeringConnections", p => p.Id.Value, VpcPeeringConnectionShape.Map, windowed: true);
        r.Action<ModifyVpcPeeringConnectionOptionsRequest, ModifyVpcPeeringConnectionOptionsResult>("ModifyVpcPeeringConnectionOptions",
            cp.ModifyVpcPeeringConnectionOptions, (x, _, _) => new JsonObject
            {
                ["AccepterPeeringConnectionOptions"] = x.AccepterAllowDnsResolutionFromRemoteVpc is { } a ? VpcPeeringConnectionShape.Options(a) : null,
                ["RequesterPeeringConnectionOptions"] = x.RequesterAllowDnsResolutionFromRemoteVpc is { } q ? VpcPeeringConnectionShape.Options(q) : null,
            });

        // Flow logs (src/VpcLab.ControlPlane/FlowLogs/): per-resource refusals are answered in Unsuccessful
        r.Action<CreateFlowLogsRequest, CreateFlowLogsResult>("CreateFlowLogs", cp.CreateFlowLogs, (x, _, _) => FlowLogShape.Created(x));
        r.List<DescribeFlowLogsRequest, DescribeFlowLogsResult, FlowLog>("DescribeFlowLogs", cp.DescribeFlowLogs,
            x => x.FlowLogs, "FlowLogs", f => f.Id.Value, FlowLogShape.Map, windowed: true);
        r.Action<DeleteFlowLogsRequest, DeleteFlowLogsResult>("DeleteFlowLogs", cp.DeleteFlowLogs,
            (x, _, _) => new JsonObject { ["Unsuccessful"] = FlowLogShape.Unsuccessful(x.Unsuccessful) });

        // Managed prefix lists, and the AWS service lists of DescribePrefixLists
        r.Action<CreateManagedPrefixListRequest, CreateManagedPrefixListResult>("CreateManagedPrefixList", cp.CreateManagedPrefixList,
            (x, c, _) => new JsonObject { ["PrefixList"] = PrefixListShape.Managed(x.PrefixList, c) });
        r.Action<ModifyManagedPrefixListRequest, ModifyManagedPrefixListResult>("ModifyManagedPrefixList", cp.ModifyManagedPrefixList,
            (x, c, _) => new JsonObject { ["PrefixList"] = PrefixListShape.Managed(x.PrefixList, c, "modify-complete") });
        r.Action<DeleteManagedPrefixListRequest, DeleteManagedPrefixListResult>("DeleteManagedPrefixList", cp.DeleteManagedPrefixList,
            (x, c, _) => new JsonObject { ["PrefixList"] = PrefixListShape.Managed(x.PrefixList, c, "delete-complete") });
        r.List<DescribeManagedPrefixListsRequest, DescribeManagedPrefixListsResult, ManagedPrefixList>("DescribeManagedPrefixLists", cp.DescribeManagedPrefixLists,
            x => x.PrefixLists, "PrefixLists", p => p.Id.Value, (p, c) => PrefixListShape.Managed(p, c), windowed: true);
        r.List<GetManagedPrefixListEntriesRequest, GetManagedPrefixListEntriesResult, PrefixListEntry>("GetManagedPrefixListEntries", cp.GetManagedPrefixListEntries,
            x => x.Entries, "Entries", null, (e, _) => PrefixListShape.Entry(e));
        r.List<DescribePrefixListsRequest, DescribePrefixListsResult, ManagedPrefixList>("DescribePrefixLists", cp.DescribePrefixLists,
            x => x.PrefixLists, "PrefixLists", p => p.Id.Value, (p, _) => PrefixListShape.Service(p));

        // AWS services VPC endpoints reach (two lists, so not paged: every service of the Region in one page)
        r.Action<DescribeVpcEndpointServicesRequest, DescribeVpcEndpointServicesResult>("DescribeVpcEndpointServices", cp.DescribeVpcEndpointServices,
            (x, c, _) => VpcEndpointServiceShape.Result(x, c));
        RegisterEndpointServices(r, cp);

        // VPC endpoints (src/VpcLab.ControlPlane/VpcEndpoints/): Modify answers true, Delete refuses per endpoint in Unsuccessful
        r.Action<CreateVpcEndpointRequest, CreateVpcEndpointResult>("CreateVpcEndpoint", cp.CreateVpcEndpoint, VpcEndpointShape.Created);
        r.Action<ModifyVpcEndpointRequest, ModifyVpcEndpointResult>("ModifyVpcEndpoint", cp.ModifyVpcEndpoint, (_, _, _) => new JsonObject { ["Return"] = true });
        r.List<DescribeVpcEndpointsRequest, DescribeVpcEndpointsResult, VpcEndpointView>("DescribeVpcEndpoints", cp.DescribeVpcEndpoints,
            x => x.VpcEndpoints, "VpcEndpoints", v => v.Endpoint.Id.Value, VpcEndpointShape.Map, windowed: true);
        r.Action<DeleteVpcEndpointsRequest, DeleteVpcEndpointsResult>("DeleteVpcEndpoints", cp.DeleteVpcEndpoints, (x, _, _) => VpcEndpointShape.Deleted(x));
    }

    /// <summary>Endpoint services, the provider side of PrivateLink (src/VpcLab.ControlPlane/VpcEndpointServices/).</summary>
    private static void RegisterEndpointServices(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        var services = cp.EndpointServiceConfigurations;
        var connections = cp.EndpointConnections;
        r.Action<CreateVpcEndpointServiceConfigurationRequest, CreateVpcEndpointServiceConfigurationResult>("CreateVpcEndpointServiceConfiguration",
            services.CreateVpcEndpointServiceConfiguration, EndpointServiceConfigurationShape.Created);
        r.List<DescribeVpcEndpointServiceConfigurationsRequest, DescribeVpcEndpointServiceConfigurationsResult, EndpointServiceView>("DescribeVpcEndpointServiceConfigurations",
            services.DescribeVpcEndpointServiceConfigurations, x => x.ServiceConfigurations, "ServiceConfigurations", v => v.Service.Id.Value,
            EndpointServiceConfigurationShape.Configuration);
        r.Action<ModifyVpcEndpointServiceConfigurationRequest, ModifyVpcEndpointServiceConfigurationResult>("ModifyVpcEndpointServiceConfiguration",
            services.ModifyVpcEndpointServiceConfiguration, (_, _, _) => new JsonObject { ["Return"] = true });
        r.Action<DeleteVpcEndpointServiceConfigurationsRequest, DeleteVpcEndpointServiceConfigurationsResult>("DeleteVpcEndpointServiceConfigurations",
            services.DeleteVpcEndpointServiceConfigurations, (x, _, _) => EndpointServiceConfigurationShape.Unsuccessful(x.Unsuccessful));
        r.Action<StartVpcEndpointServicePrivateDnsVerificationRequest, StartVpcEndpointServicePrivateDnsVerificationResult>("StartVpcEndpointServicePrivateDnsVerification",
            services.StartVpcEndpointServicePrivateDnsVerification, (_, _, _) => new JsonObject { ["ReturnValue"] = true });
        r.Action<ModifyVpcEndpointServicePermissionsRequest, ModifyVpcEndpointServicePermissionsResult>("ModifyVpcEndpointServicePermissions",
            connections.ModifyVpcEndpointServicePermissions, (x, _, _) => new JsonObject
            {
                ["AddedPrincipals"] = Json.Array(x.AddedPrincipals, p => EndpointServiceConfigurationShape.Principal(p, x.ServiceId)),
                ["ReturnValue"] = true,
            });
        r.List<DescribeVpcEndpointServicePermissionsRequest, DescribeVpcEndpointServicePermissionsResult, AllowedPrincipalView>("DescribeVpcEndpointServicePermissions",
            connections.DescribeVpcEndpointServicePermissions, x => x.AllowedPrincipals, "AllowedPrincipals", p => p.Principal,
            (p, _) => EndpointServiceConfigurationShape.Principal(p.Principal, p.ServiceId));
        r.Action<VpcEndpointConnectionsRequest, VpcEndpointConnectionsResult>("AcceptVpcEndpointConnections",
            connections.AcceptVpcEndpointConnections, (x, _, _) => EndpointServiceConfigurationShape.Unsuccessful(x.Unsuccessful));
        r.Action<VpcEndpointConnectionsRequest, VpcEndpointConnectionsResult>("RejectVpcEndpointConnections",
            connections.RejectVpcEndpointConnections, (x, _, _) => EndpointServiceConfigurationShape.Unsuccessful(x.Unsuccessful));
        r.List<DescribeVpcEndpointConnectionsRequest, DescribeVpcEndpointConnectionsResult, VpcEndpointConnectionView>("DescribeVpcEndpointConnections",
            connections.DescribeVpcEndpointConnections, x => x.VpcEndpointConnections, "VpcEndpointConnections",
            v => v.Service.Id.Value + "/" + v.Endpoint.Id.Value, EndpointServiceConfigurationShape.Connection);
    }

    private static string? ClientToken(JsonObject parameters) =>
        parameters["ClientToken"] is JsonValue v && v.TryGetValue<string>(out var token) ? token : null;
}
