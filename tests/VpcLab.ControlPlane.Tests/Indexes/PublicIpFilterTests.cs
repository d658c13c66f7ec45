using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>DescribeNetworkInterfaces' association.public-ip (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html:
/// "The address of the Elastic IP address bound to the network interface"; an auto-assigned public IPv4 is shown as the
/// interface's association too). Its candidates come from the index (the interfaces an address was auto-assigned to,
/// the interface the Elastic IP of that address is associated with: docs/semantics.md#filter-indexes); the answers are
/// those of a scan.</summary>
public sealed class PublicIpFilterTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    [Theory]
    // AWS: an Elastic IP associated with an interface is that interface's public address.
    [InlineData("the Elastic IP", "eip")]
    // AWS: a public IPv4 auto-assigned at launch (MapPublicIpOnLaunch) is the launched interface's.
    [InlineData("the auto-assigned address", "auto")]
    // AWS: a disassociated Elastic IP belongs to no interface.
    [InlineData("a disassociated Elastic IP", "none")]
    [InlineData("an address nothing holds", "none")]
    public void DescribeNetworkInterfaces_AssociationPublicIp_FindsItsInterface(string address, string expected)
    {
        foreach (var indexed in new[] { true, false })
        {
            var cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = 3, IndexedFilters = indexed });
            var vpc = cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }).Vpc;
            var igw = cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
            cp.AttachInternetGateway(Ctx, new AttachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value });
            var subnet = cp.CreateSubnet(Ctx, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" }).Subnet;
            cp.ModifySubnetAttribute(Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, MapPublicIpOnLaunch = new AttributeBooleanValue { Value = true } });
            var instance = cp.RunInstances(Ctx, new RunInstancesRequest { SubnetId = subnet.Id.Value, MinCount = 1, MaxCount = 1 }).Instances[0];
            var launched = cp.Network.NetworkInterfaces[instance.PrimaryNetworkInterface];
            var eni = cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value }).NetworkInterface;
            var eip = cp.AllocateAddress(Ctx, new AllocateAddressRequest()).Address!;
            cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = eni.Id.Value });
            var released = cp.AllocateAddress(Ctx, new AllocateAddressRequest()).Address!;
            var other = cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value }).NetworkInterface;
            var association = cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = released.AllocationId.Value, NetworkInterfaceId = other.Id.Value });
            cp.DisassociateAddress(Ctx, new DisassociateAddressRequest { AssociationId = association.AssociationId });
            var ip = address switch
            {
                "the Elastic IP" => eip.PublicIp.ToString(),
                "the auto-assigned address" => launched.PrivateIpAddresses[0].AutoAssignedPublicIp!.Value.ToString(),
                "a disassociated Elastic IP" => released.PublicIp.ToString(),
                _ => "203.0.113.250",
            };
            var found = cp.DescribeNetworkInterfaces(Ctx, new DescribeNetworkInterfacesRequest { Filters = [new Filter("association.public-ip", ip)] })
                .NetworkInterfaces.Select(e => e.Id.Value);
            Assert.Equal(expected switch { "eip" => [eni.Id.Value], "auto" => [launched.Id.Value], _ => Array.Empty<string>() }, found);
        }
    }
}
