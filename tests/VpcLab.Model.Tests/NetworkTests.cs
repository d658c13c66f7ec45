using VpcLab.Net;

namespace VpcLab.Model.Tests;

public partial class NetworkTests
{
    // AWS: a subnet without an explicit association uses the VPC's main route table.
    [Fact]
    public void RouteTableFor_NoExplicitAssociation_IsTheMainTable()
    {
        var main = ModelFactory.RouteTable("rtb-main", "vpc-1", main: true);
        var network = Network.Empty with
        {
            Subnets = Network.Empty.Subnets.Add(new SubnetId("subnet-1"), ModelFactory.Subnet("subnet-1", "vpc-1", "10.0.1.0/24")),
            RouteTables = Network.Empty.RouteTables.Add(main.Id, main),
        };

        Assert.Equal(main.Id, network.RouteTableFor(new SubnetId("subnet-1")).Id);
        Assert.True(network.MainRouteTable(new VpcId("vpc-1")).IsMain);
    }

    // AWS: an explicit association overrides the main table.
    [Fact]
    public void RouteTableFor_ExplicitAssociation_WinsOverMain()
    {
        var main = ModelFactory.RouteTable("rtb-main", "vpc-1", main: true);
        var custom = ModelFactory.RouteTable("rtb-custom", "vpc-1", main: false) with
        {
            Associations = [new RouteTableAssociation(new RouteTableAssociationId("rtbassoc-1"), false, new SubnetId("subnet-1"), null)],
        };
        var network = Network.Empty with
        {
            Subnets = Network.Empty.Subnets.Add(new SubnetId("subnet-1"), ModelFactory.Subnet("subnet-1", "vpc-1", "10.0.1.0/24")),
            RouteTables = Network.Empty.RouteTables.Add(main.Id, main).Add(custom.Id, custom),
        };

        Assert.Equal(custom.Id, network.RouteTableFor(new SubnetId("subnet-1")).Id);
        Assert.False(custom.IsMain);
    }

    [Fact]
    public void NameOf_Resource_IsItsNameTagElseItsId()
    {
        var network = Network.Empty with { Tags = Network.Empty.Tags.Add("vpc-1", Tags.Named("prod")) };

        Assert.Equal("prod", network.NameOf("vpc-1"));
        Assert.Equal("vpc-2", network.NameOf("vpc-2"));
        Assert.True(network.TagsOf("vpc-2").IsEmpty);
    }

    // The Amazon DNS server is the primary VPC CIDR's base + 2 (spec §2-3).
    [Fact]
    public void Vpc_DnsResolverAddress_IsPrimaryBasePlusTwo()
    {
        var vpc = ModelFactory.Vpc("vpc-1", ("10.0.0.0/16", CidrBlockState.Associated), ("10.1.0.0/16", CidrBlockState.Associated));

        Assert.Equal(IpAddress.Parse("10.0.0.2"), vpc.DnsResolverAddress);
        Assert.Equal(Cidr.Parse("10.0.0.0/16"), vpc.PrimaryCidr);
    }

    // Only associated CIDRs get a local route.
    [Fact]
    public void Vpc_AssociatedCidrs_SkipBlocksNotAssociated()
    {
        var vpc = ModelFactory.Vpc("vpc-1",
            ("10.0.0.0/16", CidrBlockState.Associated),
            ("10.1.0.0/16", CidrBlockState.Disassociated),
            ("10.2.0.0/16", CidrBlockState.Associating),
            ("2600:1f18:abcd:ef00::/56", CidrBlockState.Associated));

        Assert.Equal([Cidr.Parse("10.0.0.0/16"), Cidr.Parse("2600:1f18:abcd:ef00::/56")], vpc.AssociatedCidrs);
        Assert.True(vpc.HasIpv6);
    }

    [Fact]
    public void Vpc_Ipv6BlockNotAssociated_HasNoIpv6()
    {
        var vpc = ModelFactory.Vpc("vpc-1", ("10.0.0.0/16", CidrBlockState.Associated), ("2600:1f18:abcd:ef00::/56", CidrBlockState.Disassociated));

        Assert.False(vpc.HasIpv6);
    }
}
