using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class NetworkInterfaceTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS: auto-assigned addresses skip the 4 reserved at the start; the lab takes the lowest free one.
    [Fact]
    public void CreateNetworkInterface_AutoAddress_LowestFreeNonReserved()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var first = lab.Eni(subnet);
        var second = lab.Eni(subnet);
        Assert.Equal("10.0.1.4", first.PrimaryPrivateIp.ToString());
        Assert.Equal("10.0.1.5", second.PrimaryPrivateIp.ToString());
        Assert.Equal([lab.N.DefaultSecurityGroup(subnet.VpcId).Id], first.Groups);
        Assert.True(first.SourceDestCheck);
        Assert.Equal(NetworkInterfaceType.Interface, first.InterfaceType);
        Assert.Matches("^eni-0[0-9a-f]{16}$", first.Id.Value);
        Assert.Matches("^0e(:[0-9a-f]{2}){5}$", first.MacAddress);
    }

    // AWS: an explicit address must be in the subnet, not reserved, not in use.
    [Theory]
    [InlineData("10.0.1.0", "InvalidParameterValue")]
    [InlineData("10.0.1.1", "InvalidParameterValue")]
    [InlineData("10.0.1.3", "InvalidParameterValue")]
    [InlineData("10.0.1.255", "InvalidParameterValue")]
    [InlineData("10.0.2.10", "InvalidParameterValue")]
    [InlineData("10.0.1.4", "InvalidIPAddress.InUse")]
    [InlineData("not-an-ip", "InvalidParameterValue")]
    public void CreateNetworkInterface_BadExplicitAddress_Refused(string ip, string code)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Eni(subnet);
        var before = lab.N;
        lab.FailsWith(code, () => lab.Eni(subnet, ip));
        Assert.Same(before, lab.N);
    }

    [Fact]
    public void CreateNetworkInterface_PrimaryAndSecondaries_AllAssigned()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var eni = lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet.Id.Value,
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.50", Primary = true }, new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.51" }],
            SecondaryPrivateIpAddressCount = 2,
            Description = "app",
        }).NetworkInterface;
        Assert.Equal(["10.0.1.50", "10.0.1.51", "10.0.1.4", "10.0.1.5"], eni.PrivateIpAddresses.Select(p => p.Address.ToString()));
        Assert.Equal("10.0.1.50", eni.PrimaryPrivateIp.ToString());
        Assert.Equal("app", eni.Description);
        Assert.Equal(251 - 4, Ec2ControlPlane.AvailableIpAddressCount(lab.Cp.World, subnet));
    }

    // AWS: a full subnet gives InsufficientFreeAddressesInSubnet.
    [Fact]
    public void CreateNetworkInterface_SubnetFull_InsufficientFreeAddresses()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc(), "10.0.1.0/28");
        for (int i = 0; i < 11; i++)
            lab.Eni(subnet);
        lab.Fails(NetworkInterfaceErrors.InsufficientFreeAddressesInSubnetCode, () => lab.Eni(subnet));
    }

    // AWS: IPv6 addresses come from the subnet's /64; a subnet with assign-ipv6 gives one automatically.
    [Fact]
    public void CreateNetworkInterface_Ipv6Count_AddressesInSubnetBlock()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var subnet = lab.Subnet(vpc, ipv6: TestLab.Ipv6Subnet(vpc, 0));
        var eni = lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, Ipv6AddressCount = 2 }).NetworkInterface;
        Assert.Equal(2, eni.Ipv6Addresses.Length);
        Assert.All(eni.Ipv6Addresses, a => Assert.True(subnet.Ipv6Cidr!.Value.Contains(a) && !Subnet.IsReserved(subnet.Ipv6Cidr.Value, a)));
        lab.Cp.ModifySubnetAttribute(Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, AssignIpv6AddressOnCreation = true });
        Assert.Single(lab.Eni(subnet).Ipv6Addresses);
    }

    [Fact]
    public void CreateNetworkInterface_Ipv6WithoutSubnetBlock_InvalidParameterValue()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, Ipv6AddressCount = 1 }));
    }

    // AWS: at most 5 security groups per interface by default; groups must be of the subnet's VPC.
    [Fact]
    public void CreateNetworkInterface_SixGroups_SecurityGroupsPerInterfaceLimitExceeded()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var groups = Enumerable.Range(0, 6).Select(i => lab.Group(vpc, $"g{i}").Id.Value).ToList();
        lab.Fails(SecurityGroupErrors.SecurityGroupsPerInterfaceLimitExceededCode, () => lab.Cp.CreateNetworkInterface(Ctx,
            new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, Groups = groups }));
        Assert.Equal(5, lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, Groups = groups[..5] }).NetworkInterface.Groups.Length);
    }

    [Fact]
    public void CreateNetworkInterface_GroupOfOtherVpc_InvalidParameter()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var foreign = lab.Group(lab.Vpc("10.1.0.0/16"));
        lab.Fails(Ec2Errors.InvalidParameterCode, () => lab.Cp.CreateNetworkInterface(Ctx,
            new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, Groups = [foreign.Id.Value] }));
    }

    // AWS: ModifyNetworkInterfaceAttribute changes one attribute: SourceDestCheck, Groups, Description.
    [Fact]
    public void ModifyNetworkInterfaceAttribute_SourceDestCheckThenGroups_Changed()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var eni = lab.Eni(lab.Subnet(vpc));
        lab.Cp.ModifyNetworkInterfaceAttribute(Ctx, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.Id.Value, SourceDestCheck = false });
        var group = lab.Group(vpc);
        lab.Cp.ModifyNetworkInterfaceAttribute(Ctx, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.Id.Value, Groups = [group.Id.Value] });
        var updated = lab.N.NetworkInterfaces[eni.Id];
        Assert.False(updated.SourceDestCheck);
        Assert.Equal([group.Id], updated.Groups);
        lab.Fails(Ec2Errors.InvalidParameterCombinationCode, () => lab.Cp.ModifyNetworkInterfaceAttribute(Ctx,
            new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.Id.Value, SourceDestCheck = true, Groups = [group.Id.Value] }));
    }

    // AWS: Assign/UnassignPrivateIpAddresses; the primary cannot be unassigned.
    [Fact]
    public void AssignAndUnassignPrivateIpAddresses_Secondary_RoundTrip()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var eni = lab.Eni(subnet);
        var assigned = lab.Cp.AssignPrivateIpAddresses(Ctx, new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.Id.Value, SecondaryPrivateIpAddressCount = 2 });
        Assert.Equal(["10.0.1.5", "10.0.1.6"], assigned.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress));
        lab.Cp.UnassignPrivateIpAddresses(Ctx, new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.Id.Value, PrivateIpAddresses = ["10.0.1.5"] });
        Assert.Equal(2, lab.N.NetworkInterfaces[eni.Id].PrivateIpAddresses.Length);
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.UnassignPrivateIpAddresses(Ctx,
            new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.Id.Value, PrivateIpAddresses = ["10.0.1.4"] }));
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.UnassignPrivateIpAddresses(Ctx,
            new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.Id.Value, PrivateIpAddresses = ["10.0.1.99"] }));
    }

    // AWS: an address held by another interface needs AllowReassignment.
    [Fact]
    public void AssignPrivateIpAddresses_HeldElsewhere_InUseUnlessReassignmentAllowed()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var (a, b) = (lab.Eni(subnet), lab.Eni(subnet));
        lab.Cp.AssignPrivateIpAddresses(Ctx, new AssignPrivateIpAddressesRequest { NetworkInterfaceId = a.Id.Value, PrivateIpAddresses = ["10.0.1.20"] });
        lab.Fails(ElasticIpErrors.InvalidIpAddressInUse, () => lab.Cp.AssignPrivateIpAddresses(Ctx,
            new AssignPrivateIpAddressesRequest { NetworkInterfaceId = b.Id.Value, PrivateIpAddresses = ["10.0.1.20"] }));
        lab.Cp.AssignPrivateIpAddresses(Ctx, new AssignPrivateIpAddressesRequest { NetworkInterfaceId = b.Id.Value, PrivateIpAddresses = ["10.0.1.20"], AllowReassignment = true });
        Assert.DoesNotContain(lab.N.NetworkInterfaces[a.Id].PrivateIpAddresses, p => p.Address == IpAddress.Parse("10.0.1.20"));
        Assert.Contains(lab.N.NetworkInterfaces[b.Id].PrivateIpAddresses, p => p.Address == IpAddress.Parse("10.0.1.20"));
    }

    [Fact]
    public void AssignIpv6Addresses_Count_Added()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var eni = lab.Eni(lab.Subnet(vpc, ipv6: TestLab.Ipv6Subnet(vpc, 0)));
        var result = lab.Cp.AssignIpv6Addresses(Ctx, new AssignIpv6AddressesRequest { NetworkInterfaceId = eni.Id.Value, Ipv6AddressCount = 3 });
        Assert.Equal(3, result.AssignedIpv6Addresses.Count);
        Assert.Equal(3, lab.N.NetworkInterfaces[eni.Id].Ipv6Addresses.Length);
    }

    // AWS: an attached interface cannot be deleted (InvalidNetworkInterface.InUse); detached, it can.
    [Fact]
    public void DeleteNetworkInterface_Attached_InUseThenDeletedAfterDetach()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = lab.Instance(subnet);
        var eni = lab.Eni(subnet);
        var attachment = lab.Cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni.Id.Value, InstanceId = instance.Id.Value, DeviceIndex = 1 });
        Assert.StartsWith("eni-attach-", attachment.AttachmentId, StringComparison.Ordinal);
        Assert.Equal(2, lab.N.Instances[instance.Id].NetworkInterfaces.Length);
        lab.Fails(NetworkInterfaceErrors.InvalidNetworkInterfaceInUse, () => lab.Cp.DeleteNetworkInterface(Ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.Id.Value }));
        lab.Cp.DetachNetworkInterface(Ctx, new DetachNetworkInterfaceRequest { AttachmentId = attachment.AttachmentId });
        lab.Cp.DeleteNetworkInterface(Ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.Id.Value });
        Assert.False(lab.N.NetworkInterfaces.ContainsKey(eni.Id));
    }

    [Fact]
    public void AttachNetworkInterface_DeviceIndexTaken_InvalidParameterValue()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = lab.Instance(subnet);
        var eni = lab.Eni(subnet);
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.AttachNetworkInterface(Ctx,
            new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni.Id.Value, InstanceId = instance.Id.Value, DeviceIndex = 0 }));
    }

    [Fact]
    public void AttachNetworkInterface_OtherZone_InvalidParameterValue()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var instance = lab.Instance(lab.Subnet(vpc));
        var eni = lab.Eni(lab.Subnet(vpc, "10.0.2.0/24", zone: "us-east-1b"));
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.AttachNetworkInterface(Ctx,
            new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni.Id.Value, InstanceId = instance.Id.Value, DeviceIndex = 1 }));
    }

    // AWS: the primary interface (device index 0) cannot be detached.
    [Fact]
    public void DetachNetworkInterface_Primary_OperationNotPermitted()
    {
        var lab = new TestLab();
        var instance = lab.Instance(lab.Subnet(lab.Vpc()));
        var attachment = lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].Attachment!;
        lab.Fails(Ec2Errors.OperationNotPermittedCode, () => lab.Cp.DetachNetworkInterface(Ctx, new DetachNetworkInterfaceRequest { AttachmentId = attachment.AttachmentId }));
        lab.Fails(NetworkInterfaceErrors.InvalidAttachmentIdNotFound, () => lab.Cp.DetachNetworkInterface(Ctx, new DetachNetworkInterfaceRequest { AttachmentId = "eni-attach-0123456789abcdef0" }));
    }

    [Theory]
    [InlineData("eni-1", "InvalidNetworkInterfaceId.Malformed")]
    [InlineData("eni-0123456789abcdef0", "InvalidNetworkInterfaceID.NotFound")]
    public void DescribeNetworkInterfaces_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        lab.FailsWith(code, () => lab.Cp.DescribeNetworkInterfaces(Ctx, new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] }));
    }

    [Fact]
    public void DescribeNetworkInterfaces_FilterPrivateIpAndInterfaceType_Matches()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var eni = lab.Eni(subnet, "10.0.1.77");
        var nat = lab.Nat(subnet, isPublic: false);
        var byIp = lab.Cp.DescribeNetworkInterfaces(Ctx, new DescribeNetworkInterfacesRequest { Filters = [new Filter("private-ip-address", "10.0.1.77")] });
        Assert.Equal(eni.Id, Assert.Single(byIp.NetworkInterfaces).Id);
        var byType = lab.Cp.DescribeNetworkInterfaces(Ctx, new DescribeNetworkInterfacesRequest { Filters = [new Filter("interface-type", "nat_gateway")] });
        Assert.Equal(nat.NetworkInterfaceId, Assert.Single(byType.NetworkInterfaces).Id);
    }
}
