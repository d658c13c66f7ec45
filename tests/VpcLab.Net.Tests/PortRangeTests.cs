namespace VpcLab.Net.Tests;

public class PortRangeTests
{
    [Theory]
    [InlineData("80", 80, 80)]
    [InlineData("0", 0, 0)]
    [InlineData("65535", 65535, 65535)]
    [InlineData("1024-65535", 1024, 65535)]
    [InlineData("22-22", 22, 22)]
    [InlineData("0-65535", 0, 65535)]
    [InlineData("all", 0, 65535)]
    [InlineData("*", 0, 65535)]
    public void Parse_PortOrRange_GivesInclusiveBounds(string text, int from, int to)
    {
        var range = PortRange.Parse(text);

        Assert.Equal((ushort)from, range.From);
        Assert.Equal((ushort)to, range.To);
        Assert.True(PortRange.TryParse(text, out var viaTry));
        Assert.Equal(range, viaTry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80-")]
    [InlineData("-80")]
    [InlineData("100-80")] // ends before it starts
    [InlineData("1-2-3")]
    [InlineData(" 80")]
    [InlineData("80 ")]
    [InlineData("+80")]
    [InlineData("80 - 90")]
    [InlineData("http")]
    [InlineData("0x50")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.False(PortRange.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PortRange.Parse(text));
    }

    [Fact]
    public void TryParse_Null_IsRefused() => Assert.False(PortRange.TryParse(null, out _));

    [Fact]
    public void Constructor_FromAfterTo_Throws() =>
        Assert.Throws<ArgumentException>(() => new PortRange(443, 80));

    [Theory]
    [InlineData(1024, 65535, 1023, false)]
    [InlineData(1024, 65535, 1024, true)]
    [InlineData(1024, 65535, 65535, true)]
    [InlineData(80, 80, 80, true)]
    [InlineData(80, 80, 81, false)]
    [InlineData(80, 80, 79, false)]
    [InlineData(0, 65535, 0, true)]
    public void Contains_Port_IsInclusiveAtBothEnds(int from, int to, int port, bool expected) =>
        Assert.Equal(expected, new PortRange((ushort)from, (ushort)to).Contains((ushort)port));

    [Theory]
    [InlineData(80, 80, "80")]
    [InlineData(1024, 65535, "1024-65535")]
    [InlineData(0, 65535, "0-65535")]
    public void ToString_Range_ParsesBack(int from, int to, string expected)
    {
        var range = new PortRange((ushort)from, (ushort)to);

        Assert.Equal(expected, range.ToString());
        Assert.Equal(range, PortRange.Parse(expected));
    }

    // AWS advises NACLs to allow the ephemeral ports 1024–65535 for replies (spec).
    [Fact]
    public void Ephemeral_Bounds_Are1024To65535() => Assert.Equal(new PortRange(1024, 65535), PortRange.Ephemeral);

    [Fact]
    public void All_AnyPort_IsCovered()
    {
        Assert.True(PortRange.All.IsAll);
        Assert.Equal(new PortRange(0, 65535), PortRange.All);
        Assert.False(PortRange.Ephemeral.IsAll);
        Assert.Equal(PortRange.Single(443), new PortRange(443, 443));
    }
}
