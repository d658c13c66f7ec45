namespace VpcLab.Model.Tests;

public class IcmpTypeCodeTests
{
    // AWS NACL ICMP entries: type and code, each -1 for "any".
    [Theory]
    [InlineData(-1, -1, 8, 0, true)] // any type, any code
    [InlineData(-1, -1, 3, 4, true)]
    [InlineData(8, -1, 8, 0, true)] // echo request, any code
    [InlineData(8, -1, 0, 0, false)] // an echo reply is another type
    [InlineData(3, 4, 3, 4, true)] // destination unreachable, fragmentation needed (path MTU discovery)
    [InlineData(3, 4, 3, 3, false)]
    [InlineData(3, -1, 3, 13, true)]
    [InlineData(-1, 0, 8, 0, true)] // any type with code 0
    [InlineData(-1, 0, 3, 1, false)]
    [InlineData(0, 0, 0, 0, true)]
    [InlineData(0, 0, 8, 0, false)]
    public void Matches_TypeAndCode_MinusOneIsAWildcard(int type, int code, int packetType, int packetCode, bool expected) =>
        Assert.Equal(expected, new IcmpTypeCode(type, code).Matches(packetType, packetCode));

    [Fact]
    public void Any_EveryTypeAndCode_Matches()
    {
        Assert.Equal(new IcmpTypeCode(-1, -1), IcmpTypeCode.Any);
        for (int type = 0; type <= 255; type++)
            Assert.True(IcmpTypeCode.Any.Matches(type, type % 16));
    }
}
