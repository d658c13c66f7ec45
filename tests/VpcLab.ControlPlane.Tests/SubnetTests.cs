using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class SubnetTests
{
    // AWS: a subnet is /16–/28, inside a VPC CIDR (spec §2); 5 reserved addresses.
    [Theory]
    [InlineData("10.0.0.0/16", 65536 - 5)]
    [InlineData("10.0.1.0/24", 251)]
    [InlineData("10.0.1.0/28", 11)]
    public void CreateSubnet_Valid_AvailableCountExcludesFiveReserved(string cidr, long available)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc(), cidr);
        Assert.Equal(available, Ec2ControlPlane.AvailableIpAddressCount(lab.Cp.World, subnet));
        Assert.Matches("^subnet-0[0-9a-f]{16}$", subnet.Id.Value);
    }

    // AWS: outside the VPC's CIDRs or outside /16–/28 is InvalidSubnet.Range.
    [Theory]
    [InlineData("10.1.0.0/24")]
    [InlineData("10.0.0.0/29")]
    [InlineData("10.0.0.0/15")]
    [InlineData("9.255.255.0/24")]
    public void CreateSubnet_OutsideVpcOrBadSize_InvalidSubnetRange(string cidr)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var error = lab.Fails(SubnetErrors.InvalidSubnetRange, () => lab.Subnet(vpc, cidr));
        Assert.Equal($"The CIDR '{Cidr.Parse(cidr)}' is invalid.", error.Message);
    }

    // AWS: overlapping another subnet of the VPC is InvalidSubnet.Conflict.
    [Theory]
    [InlineData("10.0.1.0/24")]
    [InlineData("10.0.1.128/25")]
    [InlineData("10.0.0.0/23")]
    public void CreateSubnet_OverlapsSibling_InvalidSubnetConflict(string cidr)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Subnet(vpc, "10.0.1.0/24");
        lab.Fails(SubnetErrors.InvalidSubnetConflict, () => lab.Subnet(vpc, cidr));
    }

    // Subnets in a secondary CIDR are allowed.
    [Fact]
    public void CreateSubnet_InSecondaryCidr_Created()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Cp.AssociateVpcCidrBlock(TestLab.Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, CidrBlock = "10.1.0.0/16" });
        Assert.Equal("10.1.2.0/24", lab.Subnet(vpc, "10.1.2.0/24").CidrBlock.ToString());
    }

    // AWS: AZ by name or zone id; an unknown AZ is InvalidParameterValue with the list of zones.
    [Theory]
    [InlineData("us-east-1c", null, "us-east-1c", "use1-az3")]
    [InlineData(null, "use1-az2", "us-east-1b", "use1-az2")]
    public void CreateSubnet_ZoneByNameOrId_Resolved(string? name, string? zoneId, string expectedName, string expectedId)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Cp.CreateSubnet(TestLab.Ctx, new CreateSubnetRequest
        {
            VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", AvailabilityZone = name, AvailabilityZoneId = zoneId,
        }).Subnet;
        Assert.Equal((expectedName, expectedId), (subnet.AvailabilityZone.Name, subnet.AvailabilityZone.ZoneId));
    }

    [Fact]
    public void CreateSubnet_UnknownZone_InvalidParameterValueListsZones()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var error = lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Subnet(vpc, zone: "us-east-1z"));
        Assert.Equal("Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.", error.Message);
    }

    // AWS: a subnet IPv6 block is a /64 inside the VPC's /56, not overlapping another subnet's.
    [Fact]
    public void CreateSubnet_Ipv6Slash64InVpc_Created()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var subnet = lab.Subnet(vpc, ipv6: TestLab.Ipv6Subnet(vpc, 1));
        Assert.Equal(TestLab.Ipv6Subnet(vpc, 1), subnet.Ipv6Cidr.ToString());
        Assert.StartsWith("subnet-cidr-assoc-", subnet.Ipv6CidrBlock!.AssociationId, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadIpv6 => new()
    {
        { "wrong-size", "/60" },
        { "outside", "2001:db8::/64" },
        { "conflict", "same" },
    };

    [Theory]
    [MemberData(nameof(BadIpv6))]
    public void CreateSubnet_BadIpv6_RangeOrConflict(string _, string block)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        lab.Subnet(vpc, "10.0.9.0/24", ipv6: TestLab.Ipv6Subnet(vpc, 0));
        var text = block switch
        {
            "/60" => vpc.Ipv6CidrBlocks[0].Cidr.Subnet(60, 1).ToString(),
            "same" => TestLab.Ipv6Subnet(vpc, 0),
            _ => block,
        };
        var expected = block == "same" ? SubnetErrors.InvalidSubnetConflict : SubnetErrors.InvalidSubnetRange;
        lab.Fails(expected, () => lab.Subnet(vpc, ipv6: text));
    }

    // AWS: ModifySubnetAttribute sets map-public-ip-on-launch and assign-ipv6 (the latter needs an IPv6 block).
    [Fact]
    public void ModifySubnetAttribute_MapPublicIpAndAssignIpv6_Changed()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var subnet = lab.Subnet(vpc, ipv6: TestLab.Ipv6Subnet(vpc, 0));
        lab.Cp.ModifySubnetAttribute(TestLab.Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, MapPublicIpOnLaunch = true });
        lab.Cp.ModifySubnetAttribute(TestLab.Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, AssignIpv6AddressOnCreation = true });
        var updated = lab.N.Subnets[subnet.Id];
        Assert.True(updated.MapPublicIpOnLaunch);
        Assert.True(updated.AssignIpv6AddressOnCreation);
    }

    [Fact]
    public void ModifySubnetAttribute_AssignIpv6WithoutBlock_InvalidParameterValue()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.ModifySubnetAttribute(TestLab.Ctx,
            new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, AssignIpv6AddressOnCreation = true }));
    }

    // AWS: AssociateSubnetCidrBlock / DisassociateSubnetCidrBlock for the subnet's IPv6 /64.
    [Fact]
    public void AssociateSubnetCidrBlock_ThenDisassociate_RoundTrip()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var subnet = lab.Subnet(vpc);
        var result = lab.Cp.AssociateSubnetCidrBlock(TestLab.Ctx, new AssociateSubnetCidrBlockRequest { SubnetId = subnet.Id.Value, Ipv6CidrBlock = TestLab.Ipv6Subnet(vpc, 3) });
        Assert.Equal(TestLab.Ipv6Subnet(vpc, 3), lab.N.Subnets[subnet.Id].Ipv6Cidr.ToString());
        lab.Fails(Ec2Errors.ResourceAlreadyAssociatedCode, () => lab.Cp.AssociateSubnetCidrBlock(TestLab.Ctx,
            new AssociateSubnetCidrBlockRequest { SubnetId = subnet.Id.Value, Ipv6CidrBlock = TestLab.Ipv6Subnet(vpc, 4) }));
        lab.Cp.DisassociateSubnetCidrBlock(TestLab.Ctx, new DisassociateSubnetCidrBlockRequest { AssociationId = result.Ipv6CidrBlockAssociation.AssociationId });
        Assert.Null(lab.N.Subnets[subnet.Id].Ipv6CidrBlock);
        lab.Fails(SubnetErrors.InvalidSubnetCidrBlockAssociationIdNotFound, () => lab.Cp.DisassociateSubnetCidrBlock(TestLab.Ctx,
            new DisassociateSubnetCidrBlockRequest { AssociationId = result.Ipv6CidrBlockAssociation.AssociationId }));
    }

    // AWS: a subnet with interfaces cannot be deleted; an empty one takes its associations with it.
    [Fact]
    public void DeleteSubnet_WithInterface_DependencyViolation()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Eni(subnet);
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteSubnet(TestLab.Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value }));
    }

    [Fact]
    public void DeleteSubnet_Empty_RemovesSubnetAndAssociations()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var table = lab.Cp.CreateRouteTable(TestLab.Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;
        lab.Cp.AssociateRouteTable(TestLab.Ctx, new AssociateRouteTableRequest { RouteTableId = table.Id.Value, SubnetId = subnet.Id.Value });
        lab.Cp.DeleteSubnet(TestLab.Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
        Assert.Empty(lab.N.Subnets);
        Assert.Empty(lab.Table(table.Id).Associations);
        Assert.All(lab.N.NetworkAcls.Values, a => Assert.Empty(a.Associations));
    }

    // AWS: every new subnet is associated (aclassoc-) with the default network ACL.
    [Fact]
    public void CreateSubnet_Any_AssociatedWithDefaultAcl()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var association = Assert.Single(lab.N.NetworkAcls.Values.Single(a => a.IsDefault).Associations);
        Assert.Equal(subnet.Id, association.SubnetId);
        Assert.StartsWith("aclassoc-", association.Id.Value, StringComparison.Ordinal);
    }

    // AWS: DescribeAvailabilityZones lists names and zone ids of the caller's Region.
    [Fact]
    public void DescribeAvailabilityZones_UsEast1_SixZonesWithZoneIds()
    {
        var lab = new TestLab();
        var zones = lab.Cp.DescribeAvailabilityZones(TestLab.Ctx, new DescribeAvailabilityZonesRequest()).AvailabilityZones;
        Assert.Equal(["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"], zones.Select(z => z.ZoneId));
        var filtered = lab.Cp.DescribeAvailabilityZones(TestLab.Ctx, new DescribeAvailabilityZonesRequest { Filters = [new Filter("zone-id", "use1-az4")] });
        Assert.Equal("us-east-1d", Assert.Single(filtered.AvailabilityZones).Name);
    }

    // Choice: deleting a subnet purges its terminated instances and deleted NAT gateways, so no record in the
    // snapshot names a missing subnet.
    [Fact]
    public void DeleteSubnet_WithTerminatedInstanceAndDeletedNat_Purged()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = lab.Instance(subnet);
        var nat = lab.Nat(subnet, isPublic: false);
        lab.Cp.TerminateInstances(TestLab.Ctx, new TerminateInstancesRequest { InstanceIds = [instance.Id.Value] });
        lab.Cp.DeleteNatGateway(TestLab.Ctx, new DeleteNatGatewayRequest { NatGatewayId = nat.Id.Value });
        lab.Cp.DeleteSubnet(TestLab.Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
        Assert.Empty(lab.N.Instances);
        Assert.Empty(lab.N.NatGateways);
    }
}
