namespace VpcLab.Net.Tests;

public partial class IpAddressTests
{
    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("0.0.0.1", 1u)]
    [InlineData("10.0.0.1", 0x0A000001u)]
    [InlineData("100.68.0.18", 0x64440012u)]
    [InlineData("172.31.255.254", 0xAC1FFFFEu)]
    [InlineData("192.168.1.100", 0xC0A80164u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    public void Parse_DottedQuad_IsV4WithThatValue(string text, uint expected)
    {
        var address = IpAddress.Parse(text);

        Assert.Equal(IpFamily.V4, address.Family);
        Assert.True(address.IsV4);
        Assert.False(address.IsV6);
        Assert.Equal((UInt128)expected, address.Value);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("01.2.3.4")] // leading zero: octal to inet_aton, decimal elsewhere; refused
    [InlineData("1.2.3.04")]
    [InlineData("00.0.0.0")]
    [InlineData("10.0.0.010")]
    [InlineData("256.0.0.0")]
    [InlineData("1.2.3.256")]
    [InlineData("1000.1.1.1")]
    [InlineData("1.2.3")] // three octets
    [InlineData("1.2")]
    [InlineData("16909060")] // one number (inet_aton would take it)
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.4.")] // trailing dot
    [InlineData(".1.2.3.4")]
    [InlineData("1..3.4")]
    [InlineData(" 1.2.3.4")] // spaces
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2. 3.4")]
    [InlineData("1.2.3.4\n")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.-4")]
    [InlineData("0x1.2.3.4")]
    [InlineData("a.b.c.d")]
    [InlineData("１.2.3.4")] // full-width digit: not ASCII
    [InlineData("1.2.3.4/32")] // a CIDR is not an address
    [InlineData("")]
    public void TryParse_MalformedIpv4_IsRefused(string text)
    {
        Assert.False(IpAddress.TryParse(text, out var address));
        Assert.Equal(default, address);
        Assert.Throws<FormatException>(() => IpAddress.Parse(text));
    }

    [Fact]
    public void TryParse_Null_IsRefused() => Assert.False(IpAddress.TryParse(null, out _));

    // RFC 5952: lower case, no leading zeros, "::" for the longest (then first) run of two or more zero groups,
    // never for a single zero group; dotted decimal only for IPv4-mapped addresses.
    [Theory]
    [InlineData("::", "::")]
    [InlineData("0:0:0:0:0:0:0:0", "::")]
    [InlineData("::1", "::1")]
    [InlineData("0000:0000:0000:0000:0000:0000:0000:0001", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("2001:DB8::1", "2001:db8::1")] // upper case in, lower case out
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("FE80::ABCD:EF01", "fe80::abcd:ef01")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")] // equal runs: the first is compressed
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")] // the longest run is compressed
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")] // a single zero group stays
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8")]
    [InlineData("1:0:0:0:0:0:0:0", "1::")]
    [InlineData("2600:1f18:abcd:ef01::", "2600:1f18:abcd:ef01::")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4")] // IPv4-mapped: dotted tail
    [InlineData("::FFFF:A:B", "::ffff:0.10.0.11")]
    [InlineData("0:0:0:0:0:ffff:0:0", "::ffff:0.0.0.0")]
    [InlineData("::ffff:255.255.255.255", "::ffff:255.255.255.255")]
    [InlineData("::1.2.3.4", "::102:304")] // deprecated IPv4-compatible: hex
    [InlineData("::1:0", "::1:0")] // not "::0.1.0.0"
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")] // IPv4-translated
    [InlineData("fe80::5efe:a00:1", "fe80::5efe:a00:1")] // ISATAP-shaped: hex
    [InlineData("64:ff9b::192.0.2.33", "64:ff9b::c000:221")] // NAT64 prefix: hex
    [InlineData("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304")]
    [InlineData("0:0:0:0:0:0:ffff:1", "::ffff:1")]
    public void Parse_Ipv6_PrintsRfc5952Canonical(string text, string canonical)
    {
        var address = IpAddress.Parse(text);

        Assert.Equal(IpFamily.V6, address.Family);
        Assert.True(address.IsV6);
        Assert.Equal(canonical, address.ToString());
        Assert.Equal(address, IpAddress.Parse(canonical));
    }

    [Theory]
    [InlineData("::1", "0", "1")]
    [InlineData("2001:db8::1", "2306139568115548160", "1")]
    [InlineData("::ffff:10.0.0.1", "0", "281470849515521")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "18446744073709551615", "18446744073709551615")]
    public void Parse_Ipv6_HoldsBigEndianValue(string text, string upper, string lower)
    {
        var expected = new UInt128(ulong.Parse(upper), ulong.Parse(lower));

        Assert.Equal(expected, IpAddress.Parse(text).Value);
    }

    [Theory]
    [InlineData("fe80::1%eth0")] // zone ids name a host's interface, not an address
    [InlineData("fe80::1%1")]
    [InlineData("[::1]")] // URI brackets
    [InlineData("[::1]:80")] // with a port
    [InlineData(":::")]
    [InlineData("1::2::3")]
    [InlineData(":1::")]
    [InlineData("1:")]
    [InlineData("12345::")] // a group of five digits
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")]
    [InlineData("::1.2.3.04")] // embedded IPv4 keeps the strict dotted-quad rules
    [InlineData("::ffff:01.2.3.4")]
    [InlineData("::ffff:1.2.3")]
    [InlineData("::256.0.0.1")]
    [InlineData("1.2.3.4::")]
    [InlineData("::1.2.3.4:5")]
    [InlineData("g::")]
    [InlineData(" ::1")]
    [InlineData("::1 ")]
    [InlineData("::1/128")]
    [InlineData("::-1")]
    public void TryParse_MalformedIpv6_IsRefused(string text)
    {
        Assert.False(IpAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IpAddress.Parse(text));
    }

    // AWS keeps the families apart: an IPv4-mapped IPv6 address is IPv6, not the IPv4 address it embeds.
    [Fact]
    public void Parse_Ipv4MappedIpv6_IsNotEqualToTheIpv4Address()
    {
        var mapped = IpAddress.Parse("::ffff:10.0.0.1");
        var v4 = IpAddress.Parse("10.0.0.1");

        Assert.Equal(IpFamily.V6, mapped.Family);
        Assert.NotEqual(v4, mapped);
        Assert.NotEqual(v4, IpAddress.V6(v4.Value));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.2", -1)]
    [InlineData("10.0.0.2", "10.0.0.1", 1)]
    [InlineData("10.0.0.1", "10.0.0.1", 0)]
    [InlineData("255.255.255.255", "::", -1)] // IPv4 orders before IPv6
    [InlineData("::", "0.0.0.0", 1)]
    [InlineData("::1", "::2", -1)]
    [InlineData("8000::", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1)] // unsigned, not signed
    [InlineData("128.0.0.0", "127.255.255.255", 1)]
    public void CompareTo_TwoAddresses_OrdersByFamilyThenValue(string left, string right, int expected)
    {
        var a = IpAddress.Parse(left);
        var b = IpAddress.Parse(right);

        Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expected < 0, a < b);
        Assert.Equal(expected > 0, a > b);
        Assert.Equal(expected <= 0, a <= b);
        Assert.Equal(expected >= 0, a >= b);
    }

    [Theory]
    [InlineData("10.0.0.255", 1, "10.0.1.0")]
    [InlineData("255.255.255.255", 1, "0.0.0.0")] // wraps within IPv4, never spills into bit 32
    [InlineData("255.255.255.254", 3, "0.0.0.1")]
    [InlineData("::ffff:ffff", 1, "::1:0:0")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1, "::")]
    [InlineData("::", 0, "::")]
    public void Add_Offset_WrapsWithinFamily(string start, int offset, string expected)
    {
        var result = IpAddress.Parse(start).Add((UInt128)offset);

        Assert.Equal(IpAddress.Parse(expected), result);
    }

    [Fact]
    public void Add_MaxValue_StepsBackOne()
    {
        Assert.Equal(IpAddress.Parse("255.255.255.255"), IpAddress.Parse("0.0.0.0").Add(UInt128.MaxValue));
        Assert.Equal(IpAddress.Parse("10.0.0.255"), IpAddress.Parse("10.0.1.0").Add(UInt128.MaxValue));
        Assert.Equal(IpAddress.Parse("::"), IpAddress.Parse("::1").Add(UInt128.MaxValue));
    }

    [Fact]
    public void V4AndV6_Factories_SetFamilyAndValue()
    {
        Assert.Equal(new IpAddress(0x0A000001, IpFamily.V4), IpAddress.V4(0x0A000001));
        Assert.Equal(new IpAddress(UInt128.MaxValue, IpFamily.V6), IpAddress.V6(UInt128.MaxValue));
        Assert.Equal("10.0.0.1", IpAddress.V4(0x0A000001).ToString());
        Assert.Equal("::a00:1", IpAddress.V6(0x0A000001).ToString());
    }

    [Theory]
    [InlineData(IpFamily.V4, 32, "4294967295")]
    [InlineData(IpFamily.V6, 128, "340282366920938463463374607431768211455")]
    public void IpFamily_BitLengthAndMaxValue_MatchTheFamily(IpFamily family, int bits, string max)
    {
        Assert.Equal(bits, family.BitLength());
        Assert.Equal(UInt128.Parse(max), family.MaxValue());
    }
}
