using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The public IPv4 lifecycle and the instance attributes through the AWS SDK for .NET
/// (docs/semantics.md#public-ipv4, #instance-attributes).</summary>
public sealed partial class Ec2SdkTests
{
    /// <summary>A VPC with DNS hostnames and an attached internet gateway, a subnet, and one instance launched with a
    /// public IPv4 (AssociatePublicIpAddress on device index 0).</summary>
    private async Task<(Vpc Vpc, Subnet Subnet, Instance Instance)> PublicInstance()
    {
        var vpc = await NewVpc();
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, Ct);
        var igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc.VpcId }, Ct);
        var subnet = await NewSubnet(vpc.VpcId);
        var instance = Assert.Single((await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", MinCount = 1, MaxCount = 1,
            NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet.SubnetId, AssociatePublicIpAddress = true }],
        }, Ct)).Reservation.Instances);
        return (vpc, subnet, instance);
    }

    private async Task<Instance> DescribeOne(string instanceId) =>
        Assert.Single(Assert.Single((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, Ct)).Reservations).Instances);

    // EC2 User Guide, Public IPv4 addresses (using-instance-addressing.html#concepts-public-addresses) and Elastic IP
    // addresses (elastic-ip-addresses-eip.html): released when an Elastic IP is associated, a new one after the
    // disassociation; the public DNS name changes with the address.
    [Fact]
    public async Task PublicIpv4_ElasticIpAssociatedThenDisassociated_NewAddressAndDnsName()
    {
        var (_, _, launched) = await PublicInstance();
        var first = await DescribeOne(launched.InstanceId);
        Assert.False(string.IsNullOrEmpty(first.PublicIpAddress));
        Assert.Equal($"ec2-{first.PublicIpAddress.Replace('.', '-')}.compute-1.amazonaws.com", first.PublicDnsName);
        Assert.Equal("amazon", first.NetworkInterfaces[0].Association.IpOwnerId);

        var eip = await _ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, Ct);
        var association = await _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, InstanceId = launched.InstanceId }, Ct);
        var withEip = await DescribeOne(launched.InstanceId);
        Assert.Equal(eip.PublicIp, withEip.PublicIpAddress);
        Assert.Equal($"ec2-{eip.PublicIp.Replace('.', '-')}.compute-1.amazonaws.com", withEip.PublicDnsName);

        await _ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association.AssociationId }, Ct);
        var after = await DescribeOne(launched.InstanceId);
        Assert.False(string.IsNullOrEmpty(after.PublicIpAddress));
        Assert.NotEqual(first.PublicIpAddress, after.PublicIpAddress);
        Assert.NotEqual(eip.PublicIp, after.PublicIpAddress);
        Assert.Equal($"ec2-{after.PublicIpAddress.Replace('.', '-')}.compute-1.amazonaws.com", after.PublicDnsName);
        Assert.Equal("amazon", after.NetworkInterfaces[0].Association.IpOwnerId);
    }

    // Public IPv4 addresses: an instance with more than one network interface gets no new public IPv4 when it starts;
    // AssociateAddress by instance id then needs the interface id (InvalidInstanceID).
    [Fact]
    public async Task PublicIpv4_TwoInterfacesStopStart_NoNewAddress()
    {
        var (_, subnet, launched) = await PublicInstance();
        var spare = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet.SubnetId }, Ct)).NetworkInterface;
        await _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = spare.NetworkInterfaceId, InstanceId = launched.InstanceId, DeviceIndex = 1 }, Ct);
        await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [launched.InstanceId] }, Ct);
        await _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [launched.InstanceId] }, Ct);
        var started = await DescribeOne(launched.InstanceId);
        Assert.True(string.IsNullOrEmpty(started.PublicIpAddress));
        Assert.Equal("", started.PublicDnsName);

        var eip = await _ec2.AllocateAddressAsync(new AllocateAddressRequest(), Ct);
        var e = await Fails(() => _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, InstanceId = launched.InstanceId }, Ct));
        Assert.Equal("InvalidInstanceID", e.ErrorCode);
    }

    // API_ModifyInstanceAttribute / API_DescribeInstanceAttribute: sourceDestCheck (the NAT instance setting) and
    // groupSet act on the primary interface; DescribeInstances shows the same.
    [Fact]
    public async Task InstanceAttribute_SourceDestCheckAndGroups_ModifiedAndDescribed()
    {
        var (vpc, _, launched) = await PublicInstance();
        await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = launched.InstanceId, SourceDestCheck = false }, Ct);
        var check = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = launched.InstanceId, Attribute = InstanceAttributeName.SourceDestCheck }, Ct);
        Assert.Equal(launched.InstanceId, check.InstanceAttribute.InstanceId);
        Assert.False(check.InstanceAttribute.SourceDestCheck);
        Assert.False((await DescribeOne(launched.InstanceId)).SourceDestCheck);

        var sg = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "nat", Description = "nat", VpcId = vpc.VpcId }, Ct)).GroupId;
        await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = launched.InstanceId, Groups = [sg] }, Ct);
        var groups = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = launched.InstanceId, Attribute = InstanceAttributeName.GroupSet }, Ct);
        var group = Assert.Single(groups.InstanceAttribute.Groups);
        Assert.Equal((sg, "nat"), (group.GroupId, group.GroupName));

        var type = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = launched.InstanceId, Attribute = InstanceAttributeName.InstanceType }, Ct);
        Assert.Equal("m1.small", type.InstanceAttribute.InstanceType);
    }

    // API_ModifyInstanceAttribute: disableApiTermination protects the instance (OperationNotPermitted); bad
    // attributes are AWS's errors.
    [Theory]
    [InlineData("terminate-protected", "OperationNotPermitted")]
    [InlineData("describe-unknown", "InvalidParameterValue")]
    [InlineData("modify-two", "InvalidParameterCombination")]
    [InlineData("type-while-running", "IncorrectInstanceState")]
    public async Task InstanceAttribute_BadUse_AwsError(string kind, string code)
    {
        var (_, _, launched) = await PublicInstance();
        var id = launched.InstanceId;
        Func<Task> call = kind switch
        {
            "terminate-protected" => async () =>
            {
                await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiTermination = true }, Ct);
                await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }, Ct);
            },
            "describe-unknown" => () => _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = new InstanceAttributeName("colour") }, Ct),
            "modify-two" => () => _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, SourceDestCheck = false, DisableApiTermination = true }, Ct),
            _ => () => _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t3.large" }, Ct),
        };
        var e = await Fails(call);
        Assert.Equal(code, e.ErrorCode);
    }
}
