using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;

namespace VpcLab.Engine.Tests.LoadBalancing;

/// <summary>A Network Load Balancer's DNS name: its nodes' private addresses when internal, their public addresses
/// when internet-facing (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html,
/// "Load balancer scheme"); a trace to the name reaches a target through a node.</summary>
public sealed class NetworkLoadBalancerDnsTests
{
    [Theory]
    [InlineData(NlbVariant.Internal, false)]
    [InlineData(NlbVariant.None, true)]
    public void LoadBalancerName_Scheme_NodeAddresses(NlbVariant variant, bool isPublic)
    {
        var world = new NlbWorld(variant);
        var answer = DnsResolver.For(world.Compiled.Network).Resolve(DnsResolver.Internet, world.Nlb.DnsName);
        Assert.Equal(DnsRule.LoadBalancerName, answer.Rule);
        var expected = world.Nlb.Nodes.Select(n => isPublic ? n.PublicIp!.Value : n.PrivateIpv4);
        Assert.Equal(expected, answer.Addresses);
    }

    [Fact]
    public void TraceByName_InternalNlb_ReachesTheTargetThroughANode()
    {
        var world = new NlbWorld(NlbVariant.Internal);
        var trace = world.Compiled.Run(world.Client.Id.Value, world.Nlb.DnsName, port: 80);
        trace.AssertAccepted();
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.LoadBalancer);
        Assert.Equal(world.AddressOf(world.Web), trace.Forward.Last(h => h.Component.Id == world.Web.PrimaryNetworkInterface.Value).OutboundHeader.Destination);
    }
}
