using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

public sealed partial class Ec2SdkTests
{
    // AWS (VPC User Guide, "DNS64 and NAT64": `aws ec2 modify-subnet-attribute --subnet-id … --enable-dns64`; EC2 API
    // Reference, ModifySubnetAttribute / DescribeSubnets: EnableDns64, filter enable-dns64): the attribute set through
    // the SDK is what DescribeSubnets answers and filters on; docs/semantics.md#dns64.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ModifySubnetAttribute_EnableDns64_DescribedAndFiltered(bool enabled)
    {
        var vpc = await NewVpc(ipv6: true);
        var subnet = await NewSubnet(vpc.VpcId);
        var other = await NewSubnet(vpc.VpcId, "10.0.2.0/24");
        Assert.False(subnet.EnableDns64);

        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, EnableDns64 = true }, Ct);
        if (!enabled)
            await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, EnableDns64 = false }, Ct);

        var described = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] }, Ct)).Subnets);
        Assert.Equal(enabled, described.EnableDns64);
        var on = (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("enable-dns64", ["true"])],
        }, Ct)).Subnets;
        Assert.Equal(enabled ? [subnet.SubnetId] : [], on.Select(s => s.SubnetId));
        Assert.DoesNotContain(other.SubnetId, on.Select(s => s.SubnetId));
    }

    // AWS: "You can only modify one attribute at a time" (ModifySubnetAttribute); the subnet stays as it was.
    [Fact]
    public async Task ModifySubnetAttribute_Dns64AndMapPublicIp_InvalidParameterCombination()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        var e = await Fails(() => _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest
        {
            SubnetId = subnet.SubnetId, EnableDns64 = true, MapPublicIpOnLaunch = true,
        }, Ct));
        Assert.Equal("InvalidParameterCombination", e.ErrorCode);
        var described = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] }, Ct)).Subnets);
        Assert.False(described.EnableDns64);
        Assert.False(described.MapPublicIpOnLaunch);
    }
}
