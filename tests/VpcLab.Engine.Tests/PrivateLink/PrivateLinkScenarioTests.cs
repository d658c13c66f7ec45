using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.PrivateLink;

/// <summary>scenarios/privatelink.yaml, loaded through the ControlPlane as users do: the provider's app behind app-nlb
/// and app-service, the accepted app-endpoint (zones a and b) with private DNS, the staging endpoint still
/// pendingAcceptance, an outsider account, and a cross-Region consumer (west-endpoint in us-west-2). Names are resolved from the client's VPC, as vpclab trace does
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html).</summary>
public sealed class PrivateLinkScenarioTests
{
    private static readonly Lazy<(Model.Network Network, CompiledNetwork Compiled)> World = new(() =>
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("privatelink")).Network;
        return (network, CompiledNetwork.Compile(network));
    });

    private static Trace Trace(string from, string to, ushort port = 443)
    {
        var (network, compiled) = World.Value;
        var resolver = new EndpointResolver(network);
        var source = resolver.Resolve(from);
        var request = TraceRequest.Tcp(source, resolver.Resolve(to, source), port);
        var trace = compiled.Trace(request, resolver.Resolutions).AssertWellFormed();
        var resolved = compiled.Resolve(request);
        Assert.Equal(trace.Reason, compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex).Reason);
        return trace;
    }

    [Theory]
    // Accepted, private DNS: the service's name answers with the endpoint's interfaces; zone a to zone a.
    [InlineData("client-1", "app.partner.example", "ACCEPT")]
    // us-east-1c has no endpoint interface (the service has no node there): client-3 crosses zones, and gets through.
    [InlineData("client-3", "app.partner.example", "ACCEPT")]
    // The staging endpoint waits for the provider's acceptance: it carries nothing.
    [InlineData("staging-1", "10.61.11.4", "BAD_STATE")]
    // The outsider may not connect (no endpoint), and the provider's private addresses are not routable from its VPC.
    [InlineData("outsider-1", "10.50.1.4", "NO_ROUTE_TO_DESTINATION")]
    // Cross-Region PrivateLink (docs/semantics.md#cross-region-privatelink): the service supports us-west-2, so west-1
    // reaches the us-east-1 app through west-endpoint's interface (accepted), across Regions.
    [InlineData("west-1", "10.62.11.4", "ACCEPT")]
    public void Flow_ScenarioRule_Verdict(string from, string to, string expected) =>
        Trace(from, to).AssertVerdict(expected);

    [Fact]
    public void PrivateName_FromConsumerVpc_ResolvesToEndpointInterfaces()
    {
        var (network, _) = World.Value;
        var vpc = network.Vpcs.Values.Single(v => network.NameOf(v.Id.Value) == "client-vpc");
        var answer = DnsResolver.For(network).Resolve(vpc.Id, "app.partner.example");
        Assert.Equal(DnsRule.VpcEndpointPrivateDns, answer.Rule);
        Assert.Equal(2, answer.Addresses.Length);
    }

    [Fact]
    public void App_ThroughPrivateLink_SeesTheLoadBalancersAddress()
    {
        var trace = Trace("client-1", "app.partner.example");
        trace.AssertAccepted();
        var (network, _) = World.Value;
        var nodes = network.LoadBalancers.Values.Single().Nodes.Select(n => n.PrivateIpv4).ToList();
        Assert.Contains(trace.Forward[^1].OutboundHeader.Source, nodes);
        Assert.Equal(8080, trace.Forward[^1].OutboundHeader.DestinationPort);
    }
}
