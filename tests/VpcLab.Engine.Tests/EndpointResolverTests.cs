using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

public class EndpointResolverTests
{
    private static readonly SeedWorld Seed = new();

    [Fact]
    public void Resolve_InstanceName_GivesInstance()
    {
        var endpoint = new EndpointResolver(Seed.B.Build()).Resolve("web-1");
        Assert.Equal(TraceEndpoint.Instance(Seed.Web1.Instance), endpoint);
    }

    [Fact]
    public void Resolve_Ids_GiveInstanceOrInterface()
    {
        var resolver = new EndpointResolver(Seed.B.Build());
        Assert.Equal(TraceEndpoint.Instance(Seed.App1.Instance), resolver.Resolve(Seed.App1.Instance.Value));
        Assert.Equal(TraceEndpoint.Interface(Seed.App1.Interface), resolver.Resolve(Seed.App1.Interface.Value));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public void Resolve_Address_GivesAddress(string text) =>
        Assert.Equal(TraceEndpoint.ForAddress(IpAddress.Parse(text)), new EndpointResolver(Seed.B.Build()).Resolve(text));

    [Fact]
    public void Resolve_NameWithAddress_PicksThatAddress()
    {
        var endpoint = new EndpointResolver(Seed.B.Build()).Resolve("web-1:10.0.0.10");
        Assert.Equal(IpAddress.Parse("10.0.0.10"), endpoint.Address);
    }

    [Theory]
    [InlineData("web-9")]
    [InlineData("i-00000000000000bad")]
    [InlineData("10.0.0.300")]
    public void Resolve_Unknown_ErrorNamesTheText(string text)
    {
        var error = Assert.Throws<TraceRequestException>(() => new EndpointResolver(Seed.B.Build()).Resolve(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_Ipv6Requested_WithoutAddress_ClearError()
    {
        var world = Seed.Compile();
        var error = Assert.Throws<TraceRequestException>(() => world.Run("web-2", "web-1", family: IpFamily.V6));
        Assert.Contains("no IPv6 address", error.Message, StringComparison.Ordinal);
    }

    // An instance end picks its IPv6 address when the other end is IPv6.
    [Fact]
    public void Trace_OtherEndIpv6_PicksIpv6Address()
    {
        var trace = Seed.Compile().Run("web-1", "2001:4860:4860::8888");
        Assert.True(trace.Flow.Source.IsV6);
    }

    [Fact]
    public void Trace_AddressInsideVpcWithoutInterface_ClearError()
    {
        var error = Assert.Throws<TraceRequestException>(() => Seed.Compile().Run("10.0.99.99", "web-1"));
        Assert.Contains("10.0.99.99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_SourceAddressOfInterface_IsThatInterface()
    {
        var model = Seed.B.InterfaceModel(Seed.App1.Interface);
        var trace = Seed.Compile().Run(model.PrimaryPrivateIp.ToString(), "8.8.8.8");
        trace.AssertAccepted();
        Assert.Equal(Seed.App1.Interface.Value, trace.Forward[0].Component.Id);
    }

    [Fact]
    public void Trace_DefaultSourcePort_IsEphemeral()
    {
        var trace = Seed.Compile().Run("web-1", "8.8.8.8");
        Assert.Equal(FlowKey.DefaultEphemeralPort, trace.Flow.SourcePort);
    }

    // RA: unrelated VPCs → DISCONNECTED_VPCS.
    [Fact]
    public void Trace_OtherVpcPrivateAddress_DisconnectedVpcs()
    {
        var seed = new SeedWorld(s =>
        {
            var other = s.B.Vpc("other", "10.9.0.0/16");
            var sub = s.B.Subnet("other-s", other, "10.9.1.0/24");
            s.B.Instance("far", sub, [s.B.DefaultSecurityGroup(other)]);
        });
        var trace = seed.Compile().Run("db-1", "far");
        Assert.Equal(Verdict.Dropped, trace.Verdict);
        Assert.Contains(trace.Explanations, e => e.Code == ExplanationCode.DisconnectedVpcs);
    }
}
