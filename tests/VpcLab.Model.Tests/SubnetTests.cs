using VpcLab.Net;

namespace VpcLab.Model.Tests;

public class SubnetTests
{
    // AWS reserves the first four addresses and the last of every subnet: network, VPC router, DNS, future use,
    // broadcast (spec §2). IPv6 subnets reserve ::, ::1, ::2, ::3 and the last address the same way.
    [Theory]
    [InlineData("10.0.1.0/24", "10.0.1.0", true)] // network
    [InlineData("10.0.1.0/24", "10.0.1.1", true)] // VPC router
    [InlineData("10.0.1.0/24", "10.0.1.2", true)] // Amazon DNS
    [InlineData("10.0.1.0/24", "10.0.1.3", true)] // future use
    [InlineData("10.0.1.0/24", "10.0.1.4", false)] // first usable
    [InlineData("10.0.1.0/24", "10.0.1.254", false)] // last usable
    [InlineData("10.0.1.0/24", "10.0.1.255", true)] // broadcast
    [InlineData("10.0.1.0/24", "10.0.2.0", false)] // outside the subnet
    [InlineData("10.0.1.0/24", "10.0.0.255", false)]
    [InlineData("10.0.1.0/24", "::a00:101", false)] // another family
    [InlineData("10.0.0.16/28", "10.0.0.19", true)]
    [InlineData("10.0.0.16/28", "10.0.0.20", false)]
    [InlineData("10.0.0.16/28", "10.0.0.30", false)]
    [InlineData("10.0.0.16/28", "10.0.0.31", true)]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef01::", true)]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef01::3", true)]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef01::4", false)]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef01:ffff:ffff:ffff:fffe", false)]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef01:ffff:ffff:ffff:ffff", true)]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef02::", false)]
    public void IsReserved_Address_FirstFourAndLastOfTheSubnet(string block, string address, bool expected) =>
        Assert.Equal(expected, Subnet.IsReserved(Cidr.Parse(block), IpAddress.Parse(address)));

    // AWS: a /28 (the smallest subnet) has 16 addresses and 11 usable ones; a /24 has 251.
    [Theory]
    [InlineData("10.0.0.0/28", 11)]
    [InlineData("10.0.0.48/28", 11)]
    [InlineData("10.0.1.0/24", 251)]
    [InlineData("172.31.0.0/20", 4091)]
    public void IsReserved_EveryAddressOfSubnet_ReservesExactlyFive(string block, int usable)
    {
        var cidr = Cidr.Parse(block);
        int reserved = Enumerable.Range(0, (int)cidr.AddressCount)
            .Count(i => Subnet.IsReserved(cidr, cidr.AddressAt((UInt128)i)));

        Assert.Equal(Subnet.AwsReservedAddressCount, reserved);
        Assert.Equal(usable, (int)cidr.AddressCount - reserved);
    }

    // AWS: the VPC router answers at the subnet's base + 1.
    [Theory]
    [InlineData("10.0.1.0/24", "10.0.1.1")]
    [InlineData("10.0.0.16/28", "10.0.0.17")]
    public void RouterAddress_Subnet_IsBasePlusOne(string block, string router) =>
        Assert.Equal(IpAddress.Parse(router), ModelFactory.Subnet("subnet-1", "vpc-1", block).RouterAddress);

    [Theory]
    [InlineData(CidrBlockState.Associated, true)]
    [InlineData(CidrBlockState.Associating, false)]
    [InlineData(CidrBlockState.Disassociating, false)]
    [InlineData(CidrBlockState.Disassociated, false)]
    [InlineData(CidrBlockState.Failed, false)]
    public void Ipv6Cidr_BlockState_OnlyAnAssociatedBlockCounts(CidrBlockState state, bool visible)
    {
        var block = new VpcCidrBlock("subnet-cidr-assoc-1", Cidr.Parse("2600:1f18:abcd:ef01::/64"), state);
        var subnet = ModelFactory.Subnet("subnet-1", "vpc-1", "10.0.1.0/24") with { Ipv6CidrBlock = block };

        Assert.Equal(visible ? block.Cidr : null, subnet.Ipv6Cidr);
    }

    [Fact]
    public void Ipv6Cidr_NoBlock_IsNull() =>
        Assert.Null(ModelFactory.Subnet("subnet-1", "vpc-1", "10.0.1.0/24").Ipv6Cidr);
}
