using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class GatewayTests
{
    // AWS: a public NAT gateway takes an Elastic IP and gets its own interface (nat_gateway) with a private IP.
    [Fact]
    public void CreateNatGateway_Public_OwnInterfaceAndElasticIp()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var nat = lab.Nat(subnet);
        Assert.Equal(NatGatewayState.Available, nat.State);
        Assert.Equal(NatConnectivityType.Public, nat.ConnectivityType);
        var eni = lab.N.NetworkInterfaces[nat.NetworkInterfaceId];
        Assert.Equal(NetworkInterfaceType.NatGateway, eni.InterfaceType);
        Assert.True(eni.RequesterManaged);
        Assert.Empty(eni.Groups);
        Assert.Equal("10.0.1.4", nat.PrivateIp.ToString()); // lowest free non-reserved address
        Assert.Equal(nat.PrivateIp, eni.PrimaryPrivateIp);
        var eip = lab.N.ElasticIps[nat.AllocationId!.Value];
        Assert.Equal(nat.PublicIp, eip.PublicIp);
        Assert.Equal(eni.Id, eip.NetworkInterfaceId);
        Assert.Equal(lab.Clock.GetUtcNow(), nat.CreateTime);
    }

    [Fact]
    public void CreateNatGateway_Private_NoElasticIp()
    {
        var lab = new TestLab();
        var nat = lab.Nat(lab.Subnet(lab.Vpc()), isPublic: false);
        Assert.Equal(NatConnectivityType.Private, nat.ConnectivityType);
        Assert.Null(nat.AllocationId);
        Assert.Null(nat.PublicIp);
    }

    public static TheoryData<string, string, string?, string> BadNatRequests => new()
    {
        { "public without EIP", "public", null, "MissingParameter" },
        { "private with EIP", "private", "eip", "InvalidParameterCombination" },
        { "unknown EIP", "public", "eipalloc-0123456789abcdef0", "InvalidAllocationID.NotFound" },
        { "bad connectivity", "semi", null, "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(BadNatRequests))]
    public void CreateNatGateway_BadRequest_Refused(string _, string connectivity, string? allocation, string code)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var allocationId = allocation == "eip" ? lab.Eip().AllocationId.Value : allocation;
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.CreateNatGateway(Ctx, new CreateNatGatewayRequest
        {
            SubnetId = subnet.Id.Value, ConnectivityType = connectivity, AllocationId = allocationId,
        }));
        Assert.Equal(code, error.Code.Code);
        Assert.Same(before, lab.N);
    }

    // Spec (c): a regional NAT gateway must be refused clearly, never treated as zonal.
    [Fact]
    public void CreateNatGateway_RegionalMode_UnsupportedOperation()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var eip = lab.Eip();
        var error = lab.Fails(Ec2Errors.UnsupportedOperationCode, () => lab.Cp.CreateNatGateway(Ctx, new CreateNatGatewayRequest
        {
            SubnetId = subnet.Id.Value, AllocationId = eip.AllocationId.Value, AvailabilityMode = "regional",
        }));
        Assert.Contains("regional", error.Message, StringComparison.Ordinal);
    }

    // An Elastic IP serves one NAT gateway.
    [Fact]
    public void CreateNatGateway_ElasticIpInUse_ResourceAlreadyAssociated()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var nat = lab.Nat(subnet);
        lab.Fails(Ec2Errors.ResourceAlreadyAssociatedCode, () => lab.Cp.CreateNatGateway(Ctx, new CreateNatGatewayRequest
        {
            SubnetId = subnet.Id.Value, AllocationId = nat.AllocationId!.Value.Value,
        }));
    }

    // AWS: DeleteNatGateway moves it to deleted (still described), releases its interface, keeps the EIP allocated.
    [Fact]
    public void DeleteNatGateway_Available_DeletedInterfaceReleased()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var nat = lab.Nat(subnet);
        lab.Cp.DeleteNatGateway(Ctx, new DeleteNatGatewayRequest { NatGatewayId = nat.Id.Value });
        Assert.Equal(NatGatewayState.Deleted, lab.N.NatGateways[nat.Id].State);
        Assert.False(lab.N.NetworkInterfaces.ContainsKey(nat.NetworkInterfaceId));
        var eip = lab.N.ElasticIps[nat.AllocationId!.Value];
        Assert.Null(eip.AssociationId);
        var described = lab.Cp.DescribeNatGateways(Ctx, new DescribeNatGatewaysRequest { Filter = [new Filter("state", "deleted")] });
        Assert.Single(described.NatGateways);
        // The subnet can now be deleted: a deleted NAT gateway is no dependency.
        lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
    }

    [Fact]
    public void DeleteNatGateway_AlreadyDeleted_NotFound()
    {
        var lab = new TestLab();
        var nat = lab.Nat(lab.Subnet(lab.Vpc()));
        lab.Cp.DeleteNatGateway(Ctx, new DeleteNatGatewayRequest { NatGatewayId = nat.Id.Value });
        lab.Fails(ResourceIdErrors.InvalidNatGatewayIdNotFound, () => lab.Cp.DeleteNatGateway(Ctx, new DeleteNatGatewayRequest { NatGatewayId = nat.Id.Value }));
    }

    // AWS: the NAT gateway's interface is managed by AWS: the owner cannot delete it.
    [Fact]
    public void DeleteNetworkInterface_NatGatewayInterface_InUse()
    {
        var lab = new TestLab();
        var nat = lab.Nat(lab.Subnet(lab.Vpc()));
        lab.Fails(NetworkInterfaceErrors.InvalidNetworkInterfaceInUse, () => lab.Cp.DeleteNetworkInterface(Ctx,
            new DeleteNetworkInterfaceRequest { NetworkInterfaceId = nat.NetworkInterfaceId.Value }));
    }

    // AWS: 5 NAT gateways per Availability Zone by default.
    [Fact]
    public void CreateNatGateway_QuotaPerZone_NatGatewayLimitExceeded()
    {
        var lab = new TestLab(quotas: Ec2Quotas.AwsDefaults with { ElasticIpsPerRegion = 10 });
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        for (int i = 0; i < 5; i++)
            lab.Nat(subnet, isPublic: false);
        lab.Fails(GatewayErrors.NatGatewayLimitExceededCode, () => lab.Nat(subnet, isPublic: false));
        lab.Nat(lab.Subnet(vpc, "10.0.2.0/24", zone: "us-east-1b"), isPublic: false);
    }
}
