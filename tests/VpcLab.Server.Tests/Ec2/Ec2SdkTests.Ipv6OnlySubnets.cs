using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>IPv6-only subnets and hostname options through the real SDK (docs/semantics.md#ipv6-only-subnets):
/// CreateSubnet Ipv6Native, DescribeSubnets' Ipv6Native and PrivateDnsNameOptionsOnLaunch, ModifySubnetAttribute's
/// hostname attributes, RunInstances into an IPv6-only subnet (Nitro only, no private IPv4), DescribeInstances'
/// PrivateDnsNameOptions and ModifyPrivateDnsNameOptions (CreateSubnet,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html; EC2 User Guide, "Amazon EC2 instance
/// hostname types", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html).</summary>
public sealed partial class Ec2SdkTests
{
    private async Task<(Vpc Vpc, Subnet Native)> Ipv6OnlySubnet(string cidr)
    {
        var vpc = await NewVpc(cidr, ipv6: true);
        var v6 = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs.Single()
            .Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock;
        var native = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc.VpcId, Ipv6Native = true, AvailabilityZone = "us-east-1a",
            Ipv6CidrBlock = VpcLab.Net.Cidr.Parse(v6).Subnet(64, 1).ToString(),
        }, Ct)).Subnet;
        return (vpc, native);
    }

    [Fact]
    public async Task CreateSubnet_Ipv6Native_DescribeShowsIpv6OnlyAndResourceNames()
    {
        var (_, native) = await Ipv6OnlySubnet("10.91.0.0/16");
        Assert.True(native.Ipv6Native);
        Assert.Null(native.CidrBlock);
        Assert.True(native.AssignIpv6AddressOnCreation);
        Assert.Equal(0, native.AvailableIpAddressCount);
        Assert.Equal("resource-name", native.PrivateDnsNameOptionsOnLaunch.HostnameType.Value);

        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest
        {
            SubnetId = native.SubnetId, EnableResourceNameDnsAAAARecordOnLaunch = true,
        }, Ct);
        var described = (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [native.SubnetId] }, Ct)).Subnets.Single();
        Assert.True(described.PrivateDnsNameOptionsOnLaunch.EnableResourceNameDnsAAAARecord);
        Assert.False(described.PrivateDnsNameOptionsOnLaunch.EnableResourceNameDnsARecord);

        // "For IPv6 only subnets, an instance DNS name must be based on the instance ID."
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest
        {
            SubnetId = native.SubnetId, PrivateDnsHostnameTypeOnLaunch = HostnameType.IpName,
        }, Ct));
        Assert.Equal("InvalidParameterCombination", error.ErrorCode);
    }

    // CreateSubnet Ipv6Native (docs/semantics.md#ipv6-only-subnets): without an IPv6 block EC2 answers MissingParameter
    // whether or not an IPv4 block is given; with both blocks InvalidParameterCombination; the texts EC2 prints.
    [Theory]
    [InlineData(false, false, "MissingParameter", "Either 'ipv6CidrBlock' or 'ipv6IpamPoolId' should be provided.")]
    [InlineData(true, false, "MissingParameter", "Either 'ipv6CidrBlock' or 'ipv6IpamPoolId' should be provided.")]
    [InlineData(true, true, "InvalidParameterCombination", "When specifying ipv4 parameters, cidrBlock or ipv4IpamPoolId, you cannot set ipv6Native to true.")]
    public async Task CreateSubnet_Ipv6NativeMisused_AwsCodeAndText(bool ipv4, bool ipv6, string code, string message)
    {
        var vpc = await NewVpc("10.92.0.0/16", ipv6: true);
        var v6 = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs.Single()
            .Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock;
        var block = VpcLab.Net.Cidr.Parse(v6).Subnet(64, 9).ToString();
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc.VpcId, Ipv6Native = true, CidrBlock = ipv4 ? "10.92.1.0/24" : null, Ipv6CidrBlock = ipv6 ? block : null,
        }, Ct));
        Assert.Equal((code, message), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task RunInstances_Ipv6OnlySubnet_NoIpv4ResourceNameAndModifiable()
    {
        var (_, native) = await Ipv6OnlySubnet("10.93.0.0/16");
        // AWS: only instances built on the Nitro System launch into IPv6-only subnets (t2 is Xen).
        var xen = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T2Micro, MinCount = 1, MaxCount = 1, SubnetId = native.SubnetId,
        }, Ct));
        Assert.Equal("InvalidParameterCombination", xen.ErrorCode);

        var launched = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = native.SubnetId,
            PrivateDnsNameOptions = new PrivateDnsNameOptionsRequest { EnableResourceNameDnsAAAARecord = true },
        }, Ct)).Reservation.Instances.Single();
        var instance = (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [launched.InstanceId] }, Ct))
            .Reservations.Single().Instances.Single();
        Assert.Null(instance.PrivateIpAddress);
        Assert.StartsWith("2600:", instance.Ipv6Address, StringComparison.Ordinal);
        Assert.Equal($"{instance.InstanceId}.ec2.internal", instance.PrivateDnsName);
        Assert.Equal("resource-name", instance.PrivateDnsNameOptions.HostnameType.Value);
        Assert.True(instance.PrivateDnsNameOptions.EnableResourceNameDnsAAAARecord);
        Assert.False(instance.PrivateDnsNameOptions.EnableResourceNameDnsARecord);

        var modified = await _ec2.ModifyPrivateDnsNameOptionsAsync(new ModifyPrivateDnsNameOptionsRequest
        {
            InstanceId = instance.InstanceId, EnableResourceNameDnsAAAARecord = false,
        }, Ct);
        Assert.True(modified.Return);
        var after = (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [launched.InstanceId] }, Ct))
            .Reservations.Single().Instances.Single();
        Assert.False(after.PrivateDnsNameOptions.EnableResourceNameDnsAAAARecord);
    }

    [Fact]
    public async Task CreateVpcEndpoint_Ipv6InIpv6OnlySubnet_AcceptedIpv4Refused()
    {
        var (vpc, native) = await Ipv6OnlySubnet("10.94.0.0/16");
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, Ct);
        // "IPV4: supported only if all selected subnets have IPv4 address ranges"
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = SqsService, VpcEndpointType = VpcEndpointType.Interface, SubnetIds = [native.SubnetId],
        }, Ct));
        Assert.Equal("InvalidParameter", refused.ErrorCode);
        var endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = SqsService, VpcEndpointType = VpcEndpointType.Interface, SubnetIds = [native.SubnetId],
            IpAddressType = IpAddressType.Ipv6,
        }, Ct)).VpcEndpoint;
        Assert.Equal("ipv6", endpoint.IpAddressType.Value);
        Assert.Equal("ipv6", endpoint.DnsOptions.DnsRecordIpType.Value);
        var eni = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }, Ct))
            .NetworkInterfaces.Single();
        Assert.Single(eni.Ipv6Addresses);
        Assert.Empty(eni.PrivateIpAddresses);
    }
}
