namespace VpcLab.Net.Tests;

/// <summary>The NAT64 well-known prefix 64:ff9b::/96 (RFC 6052 §2.1, the prefix AWS's NAT gateways translate and
/// Route 53 Resolver's DNS64 synthesises: https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html).</summary>
public class Nat64AddressTests
{
    // RFC 6052 §2.2: with a /96 prefix the IPv4 address is the last 32 bits.
    [Theory]
    [InlineData("192.0.2.33", "64:ff9b::c000:221")]
    [InlineData("8.8.8.8", "64:ff9b::808:808")]
    [InlineData("0.0.0.0", "64:ff9b::")]
    [InlineData("255.255.255.255", "64:ff9b::ffff:ffff")]
    public void Embed_Ipv4_LastThirtyTwoBitsAndBack(string ipv4, string embedded)
    {
        var v4 = IpAddress.Parse(ipv4);
        Assert.Equal(IpAddress.Parse(embedded), Nat64Address.Embed(v4));
        Assert.True(Nat64Address.IsEmbedded(Nat64Address.Embed(v4)));
        Assert.True(Nat64Address.WellKnownPrefix.Contains(Nat64Address.Embed(v4)));
        Assert.Equal(v4, Nat64Address.Extract(Nat64Address.Embed(v4)));
    }

    [Theory]
    [InlineData("64:ff9b::1:0:0")]      // bits 64–95 must be zero (/96, not /64)
    [InlineData("64:ff9b:1::808:808")]  // the local-use prefix 64:ff9b:1::/48 is not the well-known one
    [InlineData("2001:db8::808:808")]
    [InlineData("8.8.8.8")]             // IPv4 itself
    public void IsEmbedded_OutsideTheWellKnownPrefix_False(string address) =>
        Assert.False(Nat64Address.IsEmbedded(IpAddress.Parse(address)));
}
