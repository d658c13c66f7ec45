namespace VpcLab.Net.Tests;

public partial class CidrTests
{
    // AWS stores every CIDR it is given with the host bits cleared (spec §2: 100.68.0.18/18 → 100.68.0.0/18).
    [Theory]
    [InlineData("100.68.0.18/18", "100.68.0.0/18")]
    [InlineData("10.0.1.77/24", "10.0.1.0/24")]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("172.31.255.255/12", "172.16.0.0/12")]
    [InlineData("192.168.1.1/31", "192.168.1.0/31")]
    [InlineData("255.255.255.255/0", "0.0.0.0/0")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("1.2.3.4/32", "1.2.3.4/32")]
    [InlineData("255.255.255.255/32", "255.255.255.255/32")]
    [InlineData("2600:1F18:ABCD:EF12::1/56", "2600:1f18:abcd:ef00::/56")] // upper case in, RFC 5952 out
    [InlineData("2001:db8:1:2:3:4:5:6/64", "2001:db8:1:2::/64")]
    [InlineData("::1/0", "::/0")]
    [InlineData("::/0", "::/0")]
    [InlineData("2001:db8::1/128", "2001:db8::1/128")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/1", "8000::/1")]
    [InlineData("::ffff:10.1.2.3/120", "::ffff:10.1.2.0/120")]
    public void Parse_AnyBlock_StoresCanonicalForm(string text, string canonical)
    {
        var cidr = Cidr.Parse(text);

        Assert.Equal(canonical, cidr.ToString());
        Assert.Equal(Cidr.Parse(canonical), cidr);
        Assert.True(Cidr.TryParse(text, out var viaTry));
        Assert.Equal(cidr, viaTry);
    }

    [Theory]
    [InlineData("10.0.0.0/33")] // prefix above the family's 32 bits
    [InlineData("::/129")]
    [InlineData("10.0.0.0/128")]
    [InlineData("10.0.0.0/1000")]
    [InlineData("10.0.0.0")] // AWS needs the prefix
    [InlineData("::")]
    [InlineData("10.0.0.0/")]
    [InlineData("/24")]
    [InlineData("/")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/08")] // leading zero in the prefix
    [InlineData("10.0.0.0/00")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0.0/2/4")]
    [InlineData("10.0.0/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.0/x")]
    [InlineData("fe80::%eth0/10")]
    [InlineData("[::]/0")]
    [InlineData("")]
    public void TryParse_MalformedBlock_IsRefused(string text)
    {
        Assert.False(Cidr.TryParse(text, out var cidr));
        Assert.Equal(default, cidr);
        Assert.Throws<FormatException>(() => Cidr.Parse(text));
    }

    [Fact]
    public void TryParse_Null_IsRefused() => Assert.False(Cidr.TryParse(null, out _));

    [Theory]
    [InlineData("10.0.0.0", -1)]
    [InlineData("10.0.0.0", 33)]
    [InlineData("::", -1)]
    [InlineData("::", 129)]
    public void Constructor_PrefixOutsideFamily_Throws(string address, int prefixLength) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cidr(IpAddress.Parse(address), prefixLength));

    [Theory]
    [InlineData("10.0.0.0", 0)]
    [InlineData("10.0.0.0", 32)]
    [InlineData("::", 0)]
    [InlineData("::", 128)]
    [InlineData("::ffff:0.0.0.0", 128)] // a mapped address is IPv6: 128 bits
    public void Constructor_PrefixAtFamilyBounds_IsAccepted(string address, int prefixLength)
    {
        var cidr = new Cidr(IpAddress.Parse(address), prefixLength);

        Assert.Equal(prefixLength, cidr.PrefixLength);
    }

    [Fact]
    public void Constructor_HostBitsSet_ClearsThem()
    {
        var cidr = new Cidr(IpAddress.Parse("10.1.2.3"), 8);

        Assert.Equal(IpAddress.Parse("10.0.0.0"), cidr.Network);
        Assert.Equal(new Cidr(IpAddress.Parse("10.0.0.0"), 8), cidr);
        Assert.Equal(cidr.GetHashCode(), Cidr.Parse("10.0.0.0/8").GetHashCode());
    }

    [Theory]
    [InlineData("10.0.0.0/24", "10.0.0.0", "10.0.0.255", "256")]
    [InlineData("100.68.0.0/18", "100.68.0.0", "100.68.63.255", "16384")]
    [InlineData("10.0.0.0/16", "10.0.0.0", "10.0.255.255", "65536")] // largest VPC/subnet AWS allows
    [InlineData("10.0.0.0/28", "10.0.0.0", "10.0.0.15", "16")] // smallest VPC/subnet AWS allows
    [InlineData("1.2.3.4/32", "1.2.3.4", "1.2.3.4", "1")]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255", "4294967296")] // 2^32: no 32-bit overflow
    [InlineData("128.0.0.0/1", "128.0.0.0", "255.255.255.255", "2147483648")]
    [InlineData("2600:1f18:abcd:ef00::/56", "2600:1f18:abcd:ef00::", "2600:1f18:abcd:efff:ffff:ffff:ffff:ffff", "4722366482869645213696")]
    [InlineData("2600:1f18:abcd:ef01::/64", "2600:1f18:abcd:ef01::", "2600:1f18:abcd:ef01:ffff:ffff:ffff:ffff", "18446744073709551616")]
    [InlineData("2001:db8::1/128", "2001:db8::1", "2001:db8::1", "1")]
    [InlineData("8000::/1", "8000::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "170141183460469231731687303715884105728")]
    [InlineData("::/1", "::", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "170141183460469231731687303715884105728")]
    [InlineData("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "340282366920938463463374607431768211455")] // 2^128 saturates
    public void FirstLastAddressCount_Block_SpanItsAddresses(string text, string first, string last, string count)
    {
        var cidr = Cidr.Parse(text);

        Assert.Equal(IpAddress.Parse(first), cidr.First);
        Assert.Equal(IpAddress.Parse(last), cidr.Last);
        Assert.Equal(UInt128.Parse(count), cidr.AddressCount);
        Assert.Equal(cidr.Network, cidr.First);
    }

    [Fact]
    public void AddressCount_AnyV6_SaturatesAtUInt128Max() =>
        Assert.Equal(UInt128.MaxValue, Cidr.AnyV6.AddressCount);

    [Fact]
    public void AnyV4AndAnyV6_Parsed_AreTheDefaultRouteBlocks()
    {
        Assert.Equal(Cidr.Parse("0.0.0.0/0"), Cidr.AnyV4);
        Assert.Equal(Cidr.Parse("::/0"), Cidr.AnyV6);
        Assert.True(Cidr.AnyV4.IsV4);
        Assert.True(Cidr.AnyV6.IsV6);
        Assert.Equal(IpFamily.V4, Cidr.AnyV4.Family);
        Assert.Equal(IpFamily.V6, Cidr.AnyV6.Family);
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0", true)] // first
    [InlineData("10.0.0.0/16", "10.0.255.255", true)] // last
    [InlineData("10.0.0.0/16", "10.1.0.0", false)] // last + 1
    [InlineData("10.0.0.0/16", "9.255.255.255", false)] // first - 1
    [InlineData("10.0.0.0/16", "10.0.77.1", true)]
    [InlineData("0.0.0.0/0", "255.255.255.255", true)]
    [InlineData("0.0.0.0/0", "0.0.0.0", true)]
    [InlineData("1.2.3.4/32", "1.2.3.4", true)]
    [InlineData("1.2.3.4/32", "1.2.3.5", false)]
    [InlineData("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2600:1f18:abcd:ef00::/56", "2600:1f18:abcd:efff::1", true)]
    [InlineData("2600:1f18:abcd:ef00::/56", "2600:1f18:abcd:f000::", false)]
    [InlineData("2001:db8::1/128", "2001:db8::1", true)]
    [InlineData("2001:db8::1/128", "2001:db8::", false)]
    // AWS keeps the families apart: an IPv4 block never holds an IPv6 address, even one with the same bits.
    [InlineData("0.0.0.0/0", "::1", false)]
    [InlineData("0.0.0.0/0", "::ffff:10.0.0.1", false)]
    [InlineData("::/0", "10.0.0.1", false)]
    [InlineData("::/96", "0.0.0.5", false)]
    [InlineData("10.0.0.0/8", "::a00:1", false)]
    public void Contains_Address_IsTrueOnlyWithinTheBlockOfTheSameFamily(string block, string address, bool expected) =>
        Assert.Equal(expected, Cidr.Parse(block).Contains(IpAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0/16", true)] // a block contains itself
    [InlineData("10.0.0.0/16", "10.0.1.0/24", true)]
    [InlineData("10.0.0.0/16", "10.0.255.255/32", true)]
    [InlineData("10.0.1.0/24", "10.0.0.0/16", false)] // the larger is not inside the smaller
    [InlineData("10.0.0.0/16", "10.1.0.0/24", false)]
    [InlineData("0.0.0.0/0", "255.255.255.255/32", true)]
    [InlineData("::/0", "2001:db8::/32", true)]
    [InlineData("2001:db8::/32", "::/0", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    [InlineData("::/0", "0.0.0.0/0", false)]
    [InlineData("::/0", "10.0.0.0/8", false)]
    public void Contains_Block_IsTrueWhenWhollyInside(string outer, string inner, bool expected) =>
        Assert.Equal(expected, Cidr.Parse(outer).Contains(Cidr.Parse(inner)));

    // AWS refuses a subnet that overlaps another subnet of the VPC (InvalidSubnet.Conflict), and a secondary VPC
    // CIDR that overlaps an existing one: two blocks overlap exactly when one contains the other.
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.1.0/24", true)]
    [InlineData("10.0.1.0/24", "10.0.0.0/16", true)]
    [InlineData("10.0.1.0/24", "10.0.1.0/24", true)]
    [InlineData("10.0.1.0/24", "10.0.2.0/24", false)]
    [InlineData("10.0.0.0/24", "10.0.1.0/24", false)] // adjacent blocks do not overlap
    [InlineData("10.0.0.0/25", "10.0.0.128/25", false)]
    [InlineData("0.0.0.0/0", "192.168.0.0/16", true)]
    [InlineData("0.0.0.0/0", "::/0", false)] // families never overlap
    [InlineData("::/96", "0.0.0.0/0", false)]
    [InlineData("2600:1f18:abcd:ef00::/56", "2600:1f18:abcd:ef01::/64", true)]
    [InlineData("2600:1f18:abcd:ef00::/64", "2600:1f18:abcd:ef01::/64", false)]
    public void Overlaps_TwoBlocks_IsTrueWhenTheyShareAnAddress(string a, string b, bool expected)
    {
        Assert.Equal(expected, Cidr.Parse(a).Overlaps(Cidr.Parse(b)));
        Assert.Equal(expected, Cidr.Parse(b).Overlaps(Cidr.Parse(a)));
    }

    [Theory]
    [InlineData("10.0.0.0/16", 24, 0, "10.0.0.0/24")]
    [InlineData("10.0.0.0/16", 24, 1, "10.0.1.0/24")]
    [InlineData("10.0.0.0/16", 24, 255, "10.0.255.0/24")]
    [InlineData("10.0.0.0/16", 16, 0, "10.0.0.0/16")]
    [InlineData("10.0.0.0/16", 28, 4095, "10.0.255.240/28")]
    [InlineData("10.0.0.0/16", 32, 65535, "10.0.255.255/32")]
    [InlineData("0.0.0.0/0", 1, 1, "128.0.0.0/1")]
    [InlineData("2600:1f18:abcd:ef00::/56", 64, 0, "2600:1f18:abcd:ef00::/64")] // AWS: subnet /64s from the VPC's /56
    [InlineData("2600:1f18:abcd:ef00::/56", 64, 1, "2600:1f18:abcd:ef01::/64")]
    [InlineData("2600:1f18:abcd:ef00::/56", 64, 255, "2600:1f18:abcd:efff::/64")]
    [InlineData("::/0", 128, 1, "::1/128")]
    public void Subnet_Index_IsTheIndexthBlockInAddressOrder(string parent, int prefixLength, int index, string expected) =>
        Assert.Equal(Cidr.Parse(expected), Cidr.Parse(parent).Subnet(prefixLength, (UInt128)index));

    [Fact]
    public void Subnet_AnyV6To128_AcceptsEveryIndex()
    {
        Assert.Equal(Cidr.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"), Cidr.AnyV6.Subnet(128, UInt128.MaxValue));
        Assert.Equal(Cidr.Parse("ffff:ffff:ffff:ffff::/64"), Cidr.AnyV6.Subnet(64, ulong.MaxValue));
    }

    [Theory]
    [InlineData("10.0.0.0/16", 15, 0)] // shorter than the parent
    [InlineData("10.0.0.0/16", 33, 0)] // longer than the family
    [InlineData("10.0.0.0/16", 24, 256)] // only 256 /24s in a /16
    [InlineData("10.0.0.0/16", 16, 1)]
    [InlineData("2600:1f18:abcd:ef00::/56", 64, 256)]
    [InlineData("::/0", 129, 0)]
    public void Subnet_OutOfRange_Throws(string parent, int prefixLength, int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cidr.Parse(parent).Subnet(prefixLength, (UInt128)index));

    [Fact]
    public void Subnets_LongerPrefix_TileTheBlockInOrder()
    {
        var quarters = Cidr.Parse("10.0.0.0/24").Subnets(26).Select(c => c.ToString());

        Assert.Equal(["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.192/26"], quarters);
    }

    [Fact]
    public void Subnets_SamePrefix_IsTheBlockItself() =>
        Assert.Equal([Cidr.Parse("10.0.0.0/16")], Cidr.Parse("10.0.0.0/16").Subnets(16));

    [Fact]
    public void Subnets_Ipv6Slash56To64_Gives256Blocks()
    {
        var subnets = Cidr.Parse("2600:1f18:abcd:ef00::/56").Subnets(64).ToList();

        Assert.Equal(256, subnets.Count);
        Assert.Equal(Cidr.Parse("2600:1f18:abcd:ef00::/64"), subnets[0]);
        Assert.Equal(Cidr.Parse("2600:1f18:abcd:efff::/64"), subnets[^1]);
        Assert.Equal(subnets.Order(), subnets);
    }

    // Checked when called, not on first enumeration, so a bad request fails where it is made.
    [Theory]
    [InlineData("10.0.0.0/16", 15)] // shorter than the block
    [InlineData("0.0.0.0/0", 25)] // more than 2^24 blocks
    [InlineData("10.0.0.0/16", 33)] // longer than the family
    [InlineData("10.0.0.0/30", 54)] // few enough blocks, but longer than the family
    [InlineData("::/0", 25)]
    public void Subnets_InvalidPrefix_ThrowsWhenCalled(string parent, int prefixLength) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cidr.Parse(parent).Subnets(prefixLength));

    // AWS: the VPC router is the block's base + 1 and the Amazon DNS server base + 2 (spec §2).
    [Theory]
    [InlineData("10.0.1.0/24", 0, "10.0.1.0")]
    [InlineData("10.0.1.0/24", 1, "10.0.1.1")]
    [InlineData("10.0.1.0/24", 2, "10.0.1.2")]
    [InlineData("10.0.1.0/24", 255, "10.0.1.255")]
    [InlineData("255.255.255.0/24", 255, "255.255.255.255")]
    [InlineData("2600:1f18:abcd:ef01::/64", 1, "2600:1f18:abcd:ef01::1")]
    public void AddressAt_OffsetInsideBlock_CountsFromTheFirstAddress(string block, int offset, string expected) =>
        Assert.Equal(IpAddress.Parse(expected), Cidr.Parse(block).AddressAt((UInt128)offset));

    [Theory]
    [InlineData("10.0.1.0/24", 256)]
    [InlineData("255.255.255.255/32", 1)] // would leave the IPv4 family
    [InlineData("2001:db8::1/128", 1)]
    public void AddressAt_OffsetPastLast_Throws(string block, int offset) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cidr.Parse(block).AddressAt((UInt128)offset));

    [Fact]
    public void AddressAt_AnyV6MaxOffset_IsTheLastAddress() =>
        Assert.Equal(Cidr.AnyV6.Last, Cidr.AnyV6.AddressAt(UInt128.MaxValue));

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1/32")]
    [InlineData("2001:db8::1", "2001:db8::1/128")]
    public void Host_Address_IsItsFullLengthBlock(string address, string expected) =>
        Assert.Equal(Cidr.Parse(expected), Cidr.Host(IpAddress.Parse(address)));

    [Theory]
    [InlineData(IpFamily.V4, 0, "0")]
    [InlineData(IpFamily.V4, 8, "4278190080")]
    [InlineData(IpFamily.V4, 24, "4294967040")]
    [InlineData(IpFamily.V4, 32, "4294967295")]
    [InlineData(IpFamily.V6, 0, "0")]
    [InlineData(IpFamily.V6, 1, "170141183460469231731687303715884105728")]
    [InlineData(IpFamily.V6, 128, "340282366920938463463374607431768211455")]
    public void Mask_PrefixLength_SetsTheLeadingBitsOfTheFamily(IpFamily family, int prefixLength, string expected) =>
        Assert.Equal(UInt128.Parse(expected), Cidr.Mask(family, prefixLength));

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/16", -1)] // same network: the enclosing block first
    [InlineData("10.0.0.0/16", "10.1.0.0/16", -1)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", 1)]
    [InlineData("255.255.255.255/32", "::/0", -1)] // IPv4 first
    [InlineData("10.0.0.0/8", "10.0.0.0/8", 0)]
    public void CompareTo_TwoBlocks_OrdersByNetworkThenPrefix(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Sign(Cidr.Parse(a).CompareTo(Cidr.Parse(b))));
}
