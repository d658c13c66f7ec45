using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests.Resources;

/// <summary>The resource-kinds table (src/VpcLab.ControlPlane/Resources/ResourceKinds.cs), one row per kind.</summary>
public sealed class ResourceKindTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Each kind's Describe (or Delete) call with one id, so a row checks the table through the public API.
    private static readonly Dictionary<string, Func<Ec2ControlPlane, string, object>> ByIdCalls = new(StringComparer.Ordinal)
    {
        ["vpc"] = (cp, id) => cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { VpcIds = [id] }),
        ["subnet"] = (cp, id) => cp.DescribeSubnets(Ctx, new DescribeSubnetsRequest { SubnetIds = [id] }),
        ["rtb"] = (cp, id) => cp.DescribeRouteTables(Ctx, new DescribeRouteTablesRequest { RouteTableIds = [id] }),
        ["igw"] = (cp, id) => cp.DescribeInternetGateways(Ctx, new DescribeInternetGatewaysRequest { InternetGatewayIds = [id] }),
        ["eigw"] = (cp, id) => cp.DescribeEgressOnlyInternetGateways(Ctx, new DescribeEgressOnlyInternetGatewaysRequest { EgressOnlyInternetGatewayIds = [id] }),
        ["nat"] = (cp, id) => cp.DescribeNatGateways(Ctx, new DescribeNatGatewaysRequest { NatGatewayIds = [id] }),
        ["eipalloc"] = (cp, id) => cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = id }),
        ["sg"] = (cp, id) => cp.DescribeSecurityGroups(Ctx, new DescribeSecurityGroupsRequest { GroupIds = [id] }),
        ["sgr"] = (cp, id) => cp.DescribeSecurityGroupRules(Ctx, new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [id] }),
        ["acl"] = (cp, id) => cp.DescribeNetworkAcls(Ctx, new DescribeNetworkAclsRequest { NetworkAclIds = [id] }),
        ["eni"] = (cp, id) => cp.DescribeNetworkInterfaces(Ctx, new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] }),
        ["i"] = (cp, id) => cp.DescribeInstances(Ctx, new DescribeInstancesRequest { InstanceIds = [id] }),
        ["pl"] = (cp, id) => cp.DescribeManagedPrefixLists(Ctx, new DescribeManagedPrefixListsRequest { PrefixListIds = [id] }),
        ["pcx"] = (cp, id) => cp.DescribeVpcPeeringConnections(Ctx, new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] }),
        ["vpce"] = (cp, id) => cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] }),
        ["vol"] = (cp, id) => cp.Volumes.DescribeVolumes(Ctx, new DescribeVolumesRequest { VolumeIds = [id] }),
        ["lt"] = (cp, id) => cp.LaunchTemplates.Queries.DescribeLaunchTemplates(Ctx, new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [id] }),
        ["vpce-svc"] = (cp, id) => cp.EndpointServiceConfigurations.DescribeVpcEndpointServiceConfigurations(Ctx,
            new DescribeVpcEndpointServiceConfigurationsRequest { ServiceIds = [id] }),
        ["dopt"] = (cp, id) => cp.DescribeDhcpOptions(Ctx, new DescribeDhcpOptionsRequest { DhcpOptionsIds = [id] }),
    };

    // AWS: ids are prefix-XXXXXXXX or prefix-XXXXXXXXXXXXXXXXX; a well-formed id that names nothing of the caller's
    // is the kind's own NotFound code, an ill-formed one its Malformed code (spec/filtering-and-routing.md §7), and
    // CreateTags on an id that names nothing is InvalidID. AWS's spelling is inconsistent (ID / Id): copied.
    [Theory]
    [InlineData("vpc", "InvalidVpcID.NotFound", "InvalidVpcID.Malformed", "vpc")]
    [InlineData("subnet", "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed", "subnet")]
    [InlineData("rtb", "InvalidRouteTableID.NotFound", "InvalidRouteTableId.Malformed", "route-table")]
    [InlineData("igw", "InvalidInternetGatewayID.NotFound", "InvalidInternetGatewayId.Malformed", "internet-gateway")]
    [InlineData("eigw", "InvalidEgressOnlyInternetGatewayId.NotFound", "InvalidEgressOnlyInternetGatewayId.Malformed", "egress-only-internet-gateway")]
    [InlineData("nat", "InvalidNatGatewayID.NotFound", "InvalidNatGatewayId.Malformed", "natgateway")]
    [InlineData("eipalloc", "InvalidAllocationID.NotFound", "InvalidAllocationID.Malformed", "elastic-ip")]
    [InlineData("sg", "InvalidGroup.NotFound", "InvalidGroupId.Malformed", "security-group")]
    [InlineData("sgr", "InvalidSecurityGroupRuleId.NotFound", "InvalidSecurityGroupRuleId.Malformed", "security-group-rule")]
    [InlineData("acl", "InvalidNetworkAclID.NotFound", "InvalidNetworkAclId.Malformed", "network-acl")]
    [InlineData("eni", "InvalidNetworkInterfaceID.NotFound", "InvalidNetworkInterfaceId.Malformed", "network-interface")]
    [InlineData("i", "InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed", "instance")]
    [InlineData("pl", "InvalidPrefixListID.NotFound", "InvalidPrefixListId.Malformed", "prefix-list")]
    [InlineData("pcx", "InvalidVpcPeeringConnectionID.NotFound", "InvalidVpcPeeringConnectionId.Malformed", "vpc-peering-connection")]
    [InlineData("vpce", "InvalidVpcEndpointId.NotFound", "InvalidVpcEndpointId.Malformed", "vpc-endpoint")]
    [InlineData("vol", "InvalidVolume.NotFound", "InvalidVolumeID.Malformed", "volume")]
    [InlineData("lt", "InvalidLaunchTemplateId.NotFound", "InvalidLaunchTemplateId.Malformed", "launch-template")]
    [InlineData("dopt", "InvalidDhcpOptionID.NotFound", "InvalidDhcpOptionsId.Malformed", "dhcp-options")]
    [InlineData("vpce-svc", "InvalidVpcEndpointServiceId.NotFound", "InvalidVpcEndpointServiceId.NotFound", "vpc-endpoint-service")] // no Malformed code published
    public void ResourceKind_UnknownOrIllFormedId_KindsOwnNotFoundAndMalformedCodes(string prefix, string notFound, string malformed, string tagType)
    {
        var kind = Assert.Single(ResourceKinds.All, k => k.IdPrefix == prefix);
        Assert.Equal(tagType, kind.TagResourceType);
        var wellFormed = prefix + "-0123456789abcdef0";
        var legacy = prefix + "-0123abcd";
        Assert.True(kind.IsWellFormed(wellFormed));
        Assert.True(kind.IsWellFormed(legacy));
        Assert.False(kind.IsWellFormed(prefix + "-0123456789ABCDEF0"));
        Assert.Same(kind, ResourceKinds.ForId(wellFormed));

        var lab = new TestLab();
        var call = ByIdCalls[prefix];
        lab.FailsWith(notFound, () => call(lab.Cp, wellFormed));
        lab.FailsWith(notFound, () => call(lab.Cp, legacy));
        lab.FailsWith(malformed, () => call(lab.Cp, prefix + "-xyz"));
        lab.Fails(Ec2Errors.InvalidIdCode, () => lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [wellFormed], Tags = [new Tag("k", "v")] }));
        lab.Fails(Ec2Errors.InvalidIdCode, () => lab.Cp.DeleteTags(Ctx, new DeleteTagsRequest { Resources = [wellFormed] }));
    }

    // AWS: DeleteFlowLogs refuses each unknown id alone, with InvalidFlowLogId.NotFound (docs/semantics.md#flow-log-resources).
    [Fact]
    public void FlowLogKind_UnknownId_NotFoundInUnsuccessful()
    {
        var kind = Assert.Single(ResourceKinds.All, k => k.IdPrefix == "fl");
        Assert.Equal("vpc-flow-log", kind.TagResourceType);
        var lab = new TestLab();
        var result = lab.Cp.DeleteFlowLogs(Ctx, new DeleteFlowLogsRequest { FlowLogIds = ["fl-0123456789abcdef0"] });
        Assert.Equal("InvalidFlowLogId.NotFound", Assert.Single(result.Unsuccessful).Code);
    }

    [Fact]
    public void ResourceKinds_All_OneRowPerPrefixAndEveryRowCoveredHere()
    {
        Assert.Equal(ResourceKinds.All.Length, ResourceKinds.All.Select(k => k.IdPrefix).Distinct().Count());
        Assert.Equal([.. ByIdCalls.Keys.Append("fl").Order(StringComparer.Ordinal)],
            ResourceKinds.All.Select(k => k.IdPrefix).Order(StringComparer.Ordinal));
    }

    // AWS: a resource's tags are listed by DescribeTags with its kind's resource type; deleting a VPC with a subnet
    // is DependencyViolation (the table's first blocker), and deleting it removes its default resources.
    [Fact]
    public void DescribeTags_TaggedVpcAndSubnet_ResourceTypeFromTheTable()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value, subnet.Id.Value], Tags = [new Tag("team", "net")] });
        var rows = lab.Cp.DescribeTags(Ctx, new DescribeTagsRequest()).Tags;
        Assert.Contains(rows, t => t.ResourceId == vpc.Id.Value && t.ResourceType == ResourceKinds.Vpc.TagResourceType);
        Assert.Contains(rows, t => t.ResourceId == subnet.Id.Value && t.ResourceType == ResourceKinds.Subnet.TagResourceType);
        Assert.Equal("a subnet", ResourceKinds.Vpc.FirstBlocker(lab.Cp.World, vpc));
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteVpc(Ctx, new DeleteVpcRequest { VpcId = vpc.Id.Value }));
    }
}
