namespace VpcLab.Net.Tests;

public class IpProtocolTests
{
    // AWS accepts the names tcp, udp, icmp, icmpv6 and the IANA numbers; -1 (or "all") means every protocol.
    [Theory]
    [InlineData("tcp", 6)]
    [InlineData("TCP", 6)]
    [InlineData("6", 6)]
    [InlineData("udp", 17)]
    [InlineData("Udp", 17)]
    [InlineData("17", 17)]
    [InlineData("icmp", 1)]
    [InlineData("1", 1)]
    [InlineData("icmpv6", 58)]
    [InlineData("ICMPv6", 58)]
    [InlineData("58", 58)]
    [InlineData("-1", -1)]
    [InlineData("all", -1)]
    [InlineData("ALL", -1)]
    [InlineData("0", 0)]
    [InlineData("50", 50)] // ESP
    [InlineData("255", 255)]
    public void Parse_NameOrNumber_GivesIanaNumber(string text, int number)
    {
        var protocol = IpProtocol.Parse(text);

        Assert.Equal((short)number, protocol.Number);
        Assert.True(IpProtocol.TryParse(text, out var viaTry));
        Assert.Equal(protocol, viaTry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("256")]
    [InlineData("-2")]
    [InlineData("+6")]
    [InlineData(" 6")]
    [InlineData("6 ")]
    [InlineData("tcp6")]
    [InlineData("sctp")]
    [InlineData("1.0")]
    public void Parse_UnknownText_IsRefused(string text)
    {
        Assert.False(IpProtocol.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IpProtocol.Parse(text));
    }

    [Fact]
    public void TryParse_Null_IsRefused() => Assert.False(IpProtocol.TryParse(null, out _));

    [Theory]
    [InlineData(6, "tcp")]
    [InlineData(17, "udp")]
    [InlineData(1, "icmp")]
    [InlineData(58, "icmpv6")]
    [InlineData(-1, "-1")] // as AWS prints "all protocols" in rules
    [InlineData(50, "50")]
    [InlineData(0, "0")]
    public void Name_Protocol_IsWhatAwsPrints(int number, string name)
    {
        var protocol = new IpProtocol((short)number);

        Assert.Equal(name, protocol.Name);
        Assert.Equal(name, protocol.ToString());
    }

    [Fact]
    public void Parse_EveryName_RoundTrips()
    {
        for (short n = -1; n <= 255; n++)
            Assert.Equal(new IpProtocol(n), IpProtocol.Parse(new IpProtocol(n).Name));
    }

    [Fact]
    public void WellKnownProtocols_ByName_HaveIanaNumbers()
    {
        Assert.Equal(6, IpProtocol.Tcp.Number);
        Assert.Equal(17, IpProtocol.Udp.Number);
        Assert.Equal(1, IpProtocol.Icmp.Number);
        Assert.Equal(58, IpProtocol.Icmpv6.Number);
        Assert.Equal(-1, IpProtocol.All.Number);
        Assert.True(IpProtocol.All.IsAll);
        Assert.False(IpProtocol.Tcp.IsAll);
    }

    // Port ranges in NACL and security group rules apply to TCP and UDP only; ICMP carries type and code instead.
    [Theory]
    [InlineData(6, true, false)]
    [InlineData(17, true, false)]
    [InlineData(1, false, true)]
    [InlineData(58, false, true)]
    [InlineData(-1, false, false)]
    [InlineData(50, false, false)]
    public void HasPortsAndIsIcmp_Protocol_FollowWhatThePacketCarries(int number, bool hasPorts, bool isIcmp)
    {
        var protocol = new IpProtocol((short)number);

        Assert.Equal(hasPorts, protocol.HasPorts);
        Assert.Equal(isIcmp, protocol.IsIcmp);
    }

    // A rule for protocol -1 matches every packet; any other rule matches its own protocol only.
    [Theory]
    [InlineData(-1, 6, true)]
    [InlineData(-1, 17, true)]
    [InlineData(-1, 50, true)]
    [InlineData(6, 6, true)]
    [InlineData(6, 17, false)]
    [InlineData(1, 58, false)] // ICMP rules do not match ICMPv6
    [InlineData(58, 58, true)]
    public void Matches_RuleProtocolAndPacket_AllMatchesEverything(int rule, int packet, bool expected) =>
        Assert.Equal(expected, new IpProtocol((short)rule).Matches(new IpProtocol((short)packet)));
}
