using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;

namespace VpcLab.Engine.Tests;

/// <summary>Two peerings from one VPC and the traffic path of a peering hop (spec gateways-endpoints-peering.md §f:
/// "Multiple peerings with overlapping peer CIDRs: normal longest-prefix match picks the peering"; flow logs'
/// traffic-path 4 intra-Region, 5 inter-Region). A peers with B (same Region) and with C (us-west-2); B and C both
/// use 10.1.0.0/16, which AWS allows since neither overlaps A. A's main table: 10.1.0.0/16 → A–B,
/// 10.1.2.0/24 → A–C, and 10.1.1.99/32 → A–C.</summary>
public class PeeringLongestPrefixTests
{
    private static CompiledNetwork World()
    {
        var b = new WorldBuilder();
        var vpcA = b.Vpc("vpc-a", "10.0.0.0/16");
        var vpcB = b.Vpc("vpc-b", "10.1.0.0/16");
        var vpcC = b.Vpc("vpc-c", "10.1.0.0/16", region: "us-west-2");
        var ab = b.Peering("a-b", vpcA, vpcB);
        var ac = b.Peering("a-c", vpcA, vpcC);
        var rtA = b.MainRouteTable(vpcA);
        b.Route(rtA, "10.1.0.0/16", ab);
        b.Route(rtA, "10.1.2.0/24", ac);
        b.Route(rtA, "10.1.1.99/32", ac);
        b.Route(b.MainRouteTable(vpcB), "10.0.0.0/16", ab);
        b.Route(b.MainRouteTable(vpcC), "10.0.0.0/16", ac);

        var sgA = b.SecurityGroup("sg-a", vpcA);
        var sgB = b.SecurityGroup("sg-b", vpcB);
        b.Ingress(sgB, "tcp", 443, 443, "10.0.0.0/16");
        var sgC = b.SecurityGroup("sg-c", vpcC);
        b.Ingress(sgC, "tcp", 443, 443, "10.0.0.0/16");
        b.Instance("a-1", b.Subnet("a", vpcA, "10.0.1.0/24"), [sgA]);
        b.Instance("b-1", b.Subnet("b1", vpcB, "10.1.1.0/24"), [sgB], privateIp: "10.1.1.10");
        b.Instance("b-2", b.Subnet("b2", vpcB, "10.1.2.0/24"), [sgB], privateIp: "10.1.2.10");
        b.Instance("c-1", b.Subnet("c2", vpcC, "10.1.2.0/24"), [sgC], privateIp: "10.1.2.10");
        b.Instance("c-2", b.Subnet("c1", vpcC, "10.1.1.0/24"), [sgC], privateIp: "10.1.1.99");
        b.Instance("b-3", b.Subnet("b3", vpcB, "10.1.3.0/24"), [sgB], privateIp: "10.1.3.99");
        return b.Compile();
    }

    /// <summary>(destination address, the peering the longest prefix picks, the instance reached, its traffic path).</summary>
    public static TheoryData<string, string, string, TrafficPath> Cases => new()
    {
        // Only the /16 matches: the A–B peering, same Region.
        { "10.1.1.10", "a-b", "b-1", TrafficPath.IntraRegionPeering },
        { "10.1.3.99", "a-b", "b-3", TrafficPath.IntraRegionPeering },
        // The /24 is longer than the /16: the A–C peering, across Regions (B's 10.1.2.10 is never reached).
        { "10.1.2.10", "a-c", "c-1", TrafficPath.InterRegionPeering },
        // A /32 beats both.
        { "10.1.1.99", "a-c", "c-2", TrafficPath.InterRegionPeering },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trace_OverlappingPeeringRoutes_LongestPrefixPicksThePeering(string destination, string peering, string reached, TrafficPath path)
    {
        var world = World();
        var trace = world.Run("a-1", destination, port: 443);
        trace.AssertAccepted();
        var pcx = Assert.Single(trace.Forward, h => h.Component.Kind == ComponentKind.VpcPeeringConnection);
        Assert.Equal(peering, pcx.Component.Name);
        Assert.Equal(path, pcx.PeeringPath);
        var delivered = trace.Forward[^1];
        Assert.Equal(HopAction.Delivered, delivered.Action);
        var instance = world.Network.Instances.Values.Single(i => world.Network.TagsOf(i.Id.Value).Name == reached);
        Assert.Equal(instance.PrimaryNetworkInterface.Value, delivered.Component.Id);
        // The reply crosses the same peering back, with the same traffic path.
        var back = Assert.Single(trace.Return, h => h.Component.Kind == ComponentKind.VpcPeeringConnection);
        Assert.Equal(peering, back.Component.Name);
        Assert.Equal(path, back.PeeringPath);
    }

    // Only peering hops carry a traffic path; the value is the flow-log traffic-path number.
    [Fact]
    public void Trace_InterRegionPeering_OnlyPeeringHopsCarryTheFlowLogTrafficPath()
    {
        var trace = World().Run("a-1", "10.1.2.10", port: 443);
        Assert.All(trace.Forward.Concat(trace.Return).Where(h => h.Component.Kind != ComponentKind.VpcPeeringConnection),
            h => Assert.Null(h.PeeringPath));
        Assert.Equal(5, (int)TrafficPath.InterRegionPeering);
        Assert.Equal(4, (int)TrafficPath.IntraRegionPeering);
        Assert.Contains("inter-Region", trace.ToString(), StringComparison.Ordinal);
    }
}
