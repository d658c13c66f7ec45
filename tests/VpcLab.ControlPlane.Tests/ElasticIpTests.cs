using VpcLab.ControlPlane.Errors;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class ElasticIpTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Deterministic public IPs from the Region's pool, unique.
    [Fact]
    public void AllocateAddress_Five_UniqueFromRegionPool()
    {
        var lab = new TestLab();
        var ips = Enumerable.Range(0, 5).Select(_ => lab.Eip()).ToList();
        Assert.Equal(5, ips.Select(e => e.PublicIp).Distinct().Count());
        Assert.All(ips, e => Assert.True(Cidr.Parse("3.80.0.0/12").Contains(e.PublicIp)));
        Assert.All(ips, e => Assert.Matches("^eipalloc-0[0-9a-f]{16}$", e.AllocationId.Value));
    }

    // AWS: 5 Elastic IPs per Region by default (AddressLimitExceeded).
    [Fact]
    public void AllocateAddress_Sixth_AddressLimitExceeded()
    {
        var lab = new TestLab();
        for (int i = 0; i < 5; i++)
            lab.Eip();
        lab.Fails(ElasticIpErrors.AddressLimitExceededCode, () => lab.Eip());
    }

    // AWS: associate to an instance (its primary interface) or to an interface + private IP; the VPC needs an IGW.
    [Fact]
    public void AssociateAddress_Instance_MappedToPrimaryPrivateIp()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var instance = lab.Instance(lab.Subnet(vpc));
        var eip = lab.Eip();
        var result = lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, InstanceId = instance.Id.Value });
        Assert.StartsWith("eipassoc-", result.AssociationId, StringComparison.Ordinal);
        var eni = lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
        Assert.Equal(eip.PublicIp, lab.N.PublicIpFor(eni, eni.PrivateIpAddresses[0]));
        var described = lab.Cp.DescribeAddresses(Ctx, new DescribeAddressesRequest { Filters = [new Filter("instance-id", instance.Id.Value)] });
        Assert.Single(described.Addresses);
    }

    [Fact]
    public void AssociateAddress_SecondaryPrivateIp_MappedToThatAddress()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var eni = lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = lab.Subnet(vpc).Id.Value, SecondaryPrivateIpAddressCount = 1 }).NetworkInterface;
        var eip = lab.Eip();
        lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { PublicIp = eip.PublicIp.ToString(), NetworkInterfaceId = eni.Id.Value, PrivateIpAddress = "10.0.1.5" });
        Assert.Equal(IpAddress.Parse("10.0.1.5"), lab.N.ElasticIps[eip.AllocationId].PrivateIp);
    }

    // AWS: Gateway.NotAttached when the VPC has no internet gateway.
    [Fact]
    public void AssociateAddress_NoInternetGateway_GatewayNotAttached()
    {
        var lab = new TestLab();
        var eni = lab.Eni(lab.Subnet(lab.Vpc()));
        var eip = lab.Eip();
        lab.Fails(RouteTableErrors.GatewayNotAttachedCode, () => lab.Cp.AssociateAddress(Ctx,
            new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = eni.Id.Value }));
    }

    // AWS: re-associating an associated address needs AllowReassociation.
    [Fact]
    public void AssociateAddress_AlreadyAssociatedWithoutReassociation_ResourceAlreadyAssociated()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var subnet = lab.Subnet(vpc);
        var (a, b) = (lab.Eni(subnet), lab.Eni(subnet));
        var eip = lab.Eip();
        lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = a.Id.Value });
        lab.Fails(Ec2Errors.ResourceAlreadyAssociatedCode, () => lab.Cp.AssociateAddress(Ctx,
            new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = b.Id.Value }));
        lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = b.Id.Value, AllowReassociation = true });
        Assert.Equal(b.Id, lab.N.ElasticIps[eip.AllocationId].NetworkInterfaceId);
    }

    // AWS: ReleaseAddress of an associated address is InvalidIPAddress.InUse; after disassociation it goes.
    [Fact]
    public void ReleaseAddress_Associated_InUseThenReleasedAfterDisassociate()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var eni = lab.Eni(lab.Subnet(vpc));
        var eip = lab.Eip();
        var association = lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = eni.Id.Value }).AssociationId;
        lab.Fails(ElasticIpErrors.InvalidIpAddressInUse, () => lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value }));
        lab.Cp.DisassociateAddress(Ctx, new DisassociateAddressRequest { AssociationId = association });
        lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value });
        Assert.Empty(lab.N.ElasticIps);
        lab.Fails(ResourceIdErrors.InvalidAllocationIdNotFound, () => lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value }));
    }

    // A NAT gateway's address cannot be released or disassociated while the gateway lives.
    [Fact]
    public void ReleaseAddress_UsedByNatGateway_InUse()
    {
        var lab = new TestLab();
        var nat = lab.Nat(lab.Subnet(lab.Vpc()));
        lab.Fails(ElasticIpErrors.InvalidIpAddressInUse, () => lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = nat.AllocationId!.Value.Value }));
        lab.Fails(ElasticIpErrors.InvalidIpAddressInUse, () => lab.Cp.DisassociateAddress(Ctx, new DisassociateAddressRequest { PublicIp = nat.PublicIp.ToString() }));
    }

    [Fact]
    public void DescribeAddresses_UnknownPublicIp_InvalidAddressNotFound()
    {
        var lab = new TestLab();
        lab.Eip();
        var error = lab.Fails(ElasticIpErrors.InvalidAddressNotFound, () => lab.Cp.DescribeAddresses(Ctx, new DescribeAddressesRequest { PublicIps = ["198.51.100.7"] }));
        Assert.Equal("Address '198.51.100.7' not found.", error.Message);
    }

    // AssociateAddress, DisassociateAddress, ReleaseAddress (EC2 API reference): AllocationId, AssociationId "This
    // parameter is required", and AssociateAddress needs an instance or an interface ("either … but not both"): a
    // missing one is MissingParameter (errors-overview: "The request must contain the specified missing
    // parameter"); two where one is allowed is InvalidParameterCombination.
    public static TheoryData<string, bool, bool, bool, bool, string> MissingOrDoubled() => new()
    {
        { "associate", false, false, true, false, "MissingParameter" },
        { "associate", true, false, false, false, "MissingParameter" },
        { "associate", false, false, false, true, "MissingParameter" },
        { "associate", false, false, false, false, "MissingParameter" },
        { "associate", true, true, true, false, "InvalidParameterCombination" },
        { "associate", true, false, true, true, "InvalidParameterCombination" },
        { "disassociate", false, false, false, false, "MissingParameter" },
        { "release", false, false, false, false, "MissingParameter" },
        { "release", true, true, false, false, "InvalidParameterCombination" },
    };

    [Theory]
    [MemberData(nameof(MissingOrDoubled))]
    public void AddressCall_MissingOrDoubledIds_AwsCode(string action, bool allocationId, bool publicIp, bool instance, bool networkInterface, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var subnet = lab.Subnet(vpc);
        var (i, eni, eip) = (lab.Instance(subnet), lab.Eni(subnet), lab.Eip());
        var error = lab.FailsWith(code, action switch
        {
            "associate" => () => lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest
            {
                AllocationId = allocationId ? eip.AllocationId.Value : null, PublicIp = publicIp ? eip.PublicIp.ToString() : null,
                InstanceId = instance ? i.Id.Value : null, NetworkInterfaceId = networkInterface ? eni.Id.Value : null,
            }),
            "disassociate" => () => lab.Cp.DisassociateAddress(Ctx, new DisassociateAddressRequest()),
            _ => () => lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest
            {
                AllocationId = allocationId ? eip.AllocationId.Value : null, PublicIp = publicIp ? eip.PublicIp.ToString() : null,
            }),
        });
        Assert.Equal(400, error.HttpStatus);
    }
}
