using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;

namespace VpcLab.Engine.Tests.LoadBalancing;

/// <summary>A Network Load Balancer's DNS name: its nodes' private addresses when internal, their public addresses
/// when internet-facing (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html,
/// "Load balancer scheme"); a trace to the name reaches a target through a node.</summary>
public sealed class NetworkLoadBalancerDnsTests
{
    [Theory]
    [InlineData(NlbVariant.Internal | NlbVariant.SecondTargetInB, false)]
    [InlineData(NlbVariant.SecondTargetInB, true)]
    public void LoadBalancerName_Scheme_NodeAddresses(NlbVariant variant, bool isPublic)
    {
        var world = new NlbWorld(variant);
        var answer = DnsResolver.For(world.Compiled.Network).Resolve(DnsResolver.Internet, world.Nlb.DnsName);
        Assert.Equal(DnsRule.LoadBalancerName, answer.Rule);
        var expected = world.Nlb.Nodes.Select(n => isPublic ? n.PublicIp!.Value : n.PrivateIpv4);
        Assert.Equal(expected, answer.Addresses);
    }

    /// <summary>DNS fail-away and fail-open
    /// (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html; the Knowledge
    /// Center's "elb-dns-cross-zone-balance-configuration" for cross-zone; docs/semantics.md#nlb-dns-failover).</summary>
    public static TheoryData<string, NlbVariant, string[]> FailoverRows => new()
    {
        // rule, variant, the zones whose node the name answers with
        { "every zone has a healthy target: every node answered", NlbVariant.SecondTargetInB, ["us-east-1a", "us-east-1b"] },
        { "cross-zone off, zone b has no target: its node's address removed from DNS", NlbVariant.None, ["us-east-1a"] },
        { "cross-zone off, zone a's target unhealthy, zone b's healthy: only node b", NlbVariant.NaclDeniesNodes | NlbVariant.SecondTargetInB, ["us-east-1b"] },
        { "all targets unhealthy in all zones: fails open, every node answered", NlbVariant.NaclDeniesNodes, ["us-east-1a", "us-east-1b"] },
        { "all targets unhealthy, internal: fails open to every node's private address", NlbVariant.NaclDeniesNodes | NlbVariant.Internal, ["us-east-1a", "us-east-1b"] },
        { "empty target group: fails open, every node answered", NlbVariant.NoTargets, ["us-east-1a", "us-east-1b"] },
        { "cross-zone on, a healthy target in any zone keeps every zone healthy", NlbVariant.CrossZone, ["us-east-1a", "us-east-1b"] },
        { "cross-zone on, zone a's target unhealthy but zone b's healthy: every node", NlbVariant.CrossZone | NlbVariant.NaclDeniesNodes | NlbVariant.SecondTargetInB, ["us-east-1a", "us-east-1b"] },
    };

    [Theory]
    [MemberData(nameof(FailoverRows))]
    public void LoadBalancerName_TargetHealth_AnswersHealthyZonesOrAll(string rule, NlbVariant variant, string[] zones)
    {
        var world = new NlbWorld(variant);
        var answer = DnsResolver.For(world.Compiled.Network).Resolve(DnsResolver.Internet, world.Nlb.DnsName);
        bool internal_ = variant.HasFlag(NlbVariant.Internal);
        var expected = zones.Select(world.Node).Select(n => internal_ ? n.PrivateIpv4 : n.PublicIp!.Value);
        Assert.True(expected.SequenceEqual(answer.Addresses), $"{rule}: {string.Join(", ", answer.Addresses)}");
        foreach (var node in world.Nlb.Nodes)
            Assert.Equal(zones.Contains(node.AvailabilityZone), world.Compiled.AnswersInDns(node));
    }

    [Fact]
    public void TraceByName_ZoneAUnhealthy_ReachesZoneBTargetThroughNodeB()
    {
        // Fail-away: the name answers with node b only, so a connection by name reaches web-b, not node a's drop.
        var world = new NlbWorld(NlbVariant.Internal | NlbVariant.NaclDeniesNodes | NlbVariant.SecondTargetInB);
        var trace = world.Compiled.Run(world.Client.Id.Value, world.Nlb.DnsName, port: 80);
        trace.AssertAccepted();
        Assert.Equal(world.AddressOf(world.WebB!), trace.Forward.Last(h => h.Component.Id == world.WebB!.PrimaryNetworkInterface.Value).OutboundHeader.Destination);
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
