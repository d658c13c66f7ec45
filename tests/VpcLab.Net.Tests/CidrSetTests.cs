using CsCheck;

namespace VpcLab.Net.Tests;

public class CidrSetTests
{
    private static CidrSet Set(params string[] cidrs) => new(cidrs.Select(Cidr.Parse));

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.1.255.255", true)]
    [InlineData("10.2.0.0", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("172.16.0.1", false)]
    [InlineData("2600:1f18:abcd:ef42::1", true)]
    [InlineData("2600:1f18:abce::", false)]
    [InlineData("::ffff:10.0.0.5", false)] // families stay apart
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    public void Contains_Address_IsTrueWhenAnyBlockHoldsIt(string address, bool expected)
    {
        var vpcCidrs = Set("10.0.0.0/16", "10.1.0.0/16", "192.168.0.0/24", "2600:1f18:abcd:ef00::/56");

        Assert.Equal(expected, vpcCidrs.Contains(IpAddress.Parse(address)));
    }

    [Fact]
    public void Contains_NestedBlocks_StillMember()
    {
        var set = Set("10.0.0.0/8", "10.1.0.0/16", "10.1.2.3/32");

        Assert.True(set.Contains(IpAddress.Parse("10.1.2.3")));
        Assert.True(set.Contains(IpAddress.Parse("10.200.0.1")));
    }

    [Fact]
    public void Empty_AnyAddress_ContainsNothing()
    {
        Assert.True(CidrSet.Empty.IsEmpty);
        Assert.Empty(CidrSet.Empty.Cidrs);
        Assert.False(CidrSet.Empty.Contains(IpAddress.Parse("0.0.0.0")));
        Assert.False(CidrSet.Empty.Contains(IpAddress.Parse("::")));
        Assert.False(CidrSet.Empty.Overlaps(Cidr.AnyV4));
        Assert.Equal("", CidrSet.Empty.ToString());
    }

    [Fact]
    public void Cidrs_DuplicatesAndOrder_AreNormalised()
    {
        var set = Set("10.1.0.0/16", "::/0", "10.0.0.7/16", "10.0.0.0/16", "10.0.0.0/8");

        Assert.Equal(["10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16", "::/0"], set.Cidrs.Select(c => c.ToString()));
        Assert.False(set.IsEmpty);
        Assert.Equal("10.0.0.0/8, 10.0.0.0/16, 10.1.0.0/16, ::/0", set.ToString());
    }

    [Theory]
    [InlineData("10.0.5.0/24", true)]
    [InlineData("10.0.0.0/8", true)] // a larger block overlaps too
    [InlineData("10.2.0.0/16", false)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("::/0", false)]
    public void Overlaps_Block_IsTrueWhenAnyMemberBlockOverlaps(string cidr, bool expected) =>
        Assert.Equal(expected, Set("10.0.0.0/16", "10.1.0.0/16").Overlaps(Cidr.Parse(cidr)));

    [Fact]
    public void Contains_AnyAddress_AgreesWithAnyBlockContaining() =>
        NetGen.LpmCase.Sample(c =>
        {
            var set = new CidrSet(c.Cidrs);
            foreach (var probe in c.Probes)
                Assert.Equal(c.Cidrs.Any(b => b.Contains(probe)), set.Contains(probe));
        }, iter: 2_000);
}
