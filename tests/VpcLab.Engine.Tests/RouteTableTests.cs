using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

public class RouteTableTests
{
    /// <summary>A VPC with a client subnet (own table), a server subnet, a middlebox subnet, an IGW and a NAT.</summary>
    private sealed class World
    {
        public WorldBuilder B { get; } = new();
        public VpcId Vpc { get; }
        public SubnetId Client { get; }
        public SubnetId Server { get; }
        public SubnetId Public { get; }
        public RouteTableId ClientRt { get; }
        public InternetGatewayId Igw { get; }
        public NatGatewayId Nat { get; }
        public NetworkInterfaceId Middlebox { get; }

        public World()
        {
            Vpc = B.Vpc("v", "10.1.0.0/16", "2600:1f18:aaaa:bb00::/56");
            Client = B.Subnet("client-subnet", Vpc, "10.1.1.0/24", "2600:1f18:aaaa:bb01::/64");
            Server = B.Subnet("server-subnet", Vpc, "10.1.2.0/24", "2600:1f18:aaaa:bb02::/64");
            Public = B.Subnet("public-subnet", Vpc, "10.1.3.0/24", "2600:1f18:aaaa:bb03::/64");
            Igw = B.InternetGateway("igw", Vpc);
            Nat = B.NatGateway("nat", Public);
            var publicRt = B.RouteTable("public-rt", Vpc, Public);
            B.Route(publicRt, "0.0.0.0/0", Igw);
            B.Route(publicRt, "::/0", Igw);
            ClientRt = B.RouteTable("client-rt", Vpc, Client);
            var open = B.SecurityGroup("open", Vpc);
            B.Ingress(open, "-1", -1, -1, "0.0.0.0/0");
            B.Ingress(open, "-1", -1, -1, "::/0");
            B.Instance("client", Client, [open], ipv6: true, privateIp: "10.1.1.10");
            B.Instance("server", Server, [open], ipv6: true, privateIp: "10.1.2.20");
            (_, Middlebox) = B.Instance("firewall", Public, [open], privateIp: "10.1.3.50", sourceDestCheck: false);
        }
    }

    // AWS: the local route carries traffic between the VPC's subnets.
    [Fact]
    public void Local_BetweenSubnets_Accepted()
    {
        var w = new World();
        var trace = w.B.Compile().Run("client", "server");
        trace.AssertAccepted();
        var route = Assert.Single(trace.Forward, h => h.Route is not null).Route!;
        Assert.Equal(RouteTargetKind.Local, route.TargetKind);
    }

    // AWS: longest prefix wins; a route exactly matching a subnet CIDR may be more specific than local when its
    // target is a NAT gateway or an interface.
    [Theory]
    [InlineData("10.1.2.0/24", "middlebox")]
    [InlineData("10.1.0.0/16", "local")]
    public void MoreSpecificThanLocal_ToMiddlebox_WinsByLongestPrefix(string destination, string expectedTarget)
    {
        var w = new World();
        if (expectedTarget == "middlebox")
            w.B.Route(w.ClientRt, destination, w.Middlebox);
        var trace = w.B.Compile().Run("client", "server");
        trace.AssertAccepted();
        var passedMiddlebox = trace.Forward.Any(h => h.Component.Id == w.Middlebox.Value);
        Assert.Equal(expectedTarget == "middlebox", passedMiddlebox);
    }

    // AWS: a blackhole route drops; there is no fallback to a less specific route.
    [Fact]
    public void Blackhole_MoreSpecific_DropsWithoutFallback()
    {
        var w = new World();
        w.B.Route(w.ClientRt, "0.0.0.0/0", w.Igw);
        var orphan = w.B.NatGateway("dead-nat", w.Public);
        w.B.Route(w.ClientRt, "8.8.8.0/24", orphan);
        w.B.SetNatGatewayState(orphan, NatGatewayState.Deleted);
        var trace = w.B.Compile().Run("client", "8.8.8.8");
        trace.AssertDropped(ExplanationCode.BadStateRoute);
        Assert.Equal(RouteState.Blackhole, trace.Explanations[0].Route!.State);
    }

    // AWS: a route to a detached internet gateway is a blackhole.
    [Fact]
    public void Blackhole_DetachedInternetGateway_BadStateRoute()
    {
        var w = new World();
        w.B.Route(w.ClientRt, "0.0.0.0/0", w.Igw);
        w.B.DetachInternetGateway(w.Igw);
        w.B.Compile().Run("client", "8.8.8.8").AssertDropped(ExplanationCode.BadStateRoute);
    }

    // AWS: no matching route → NO_ROUTE_TO_DESTINATION.
    [Fact]
    public void NoRoute_ToInternet_NoRouteToDestination() =>
        new World().B.Compile().Run("client", "8.8.8.8").AssertDropped(ExplanationCode.NoRouteToDestination);

    // AWS: IPv4 and IPv6 routes are independent: 0.0.0.0/0 does not carry IPv6, ::/0 does not carry IPv4.
    [Theory]
    [InlineData("0.0.0.0/0", "8.8.8.8", "ACCEPT")]
    [InlineData("0.0.0.0/0", "2001:4860:4860::8888", "NO_ROUTE_TO_DESTINATION")]
    [InlineData("::/0", "2001:4860:4860::8888", "ACCEPT")]
    [InlineData("::/0", "8.8.8.8", "NO_ROUTE_TO_DESTINATION")]
    public void Families_RoutesAreIndependent(string destination, string target, string expected)
    {
        var w = new World();
        w.B.Route(w.ClientRt, destination, w.Igw);
        var eni = w.B.Build().Instances[new InstanceId(w.B.Id("client"))].PrimaryNetworkInterface;
        w.B.ElasticIp(eni);
        w.B.Compile().Run("client", target).AssertVerdict(expected);
    }

    // AWS: prefix-list destinations are expanded to their CIDRs; a CIDR route beats a prefix-list route of the
    // same prefix.
    [Theory]
    [InlineData("52.216.0.5", "nat")]
    [InlineData("3.5.0.9", "nat")]
    [InlineData("9.9.9.9", "none")]
    public void PrefixListDestination_ExpandedToItsCidrs(string destination, string expected)
    {
        var w = new World();
        var pl = w.B.PrefixList("s3-like", "52.216.0.0/15", "3.5.0.0/19");
        w.B.Route(w.ClientRt, pl.Value, RouteTargetKind.NatGateway, w.Nat.Value);
        var trace = w.B.Compile().Run("client", destination);
        if (expected == "nat")
            trace.AssertAccepted();
        else
            trace.AssertDropped(ExplanationCode.NoRouteToDestination);
    }

    // AWS: a subnet without an explicit association uses the VPC's main route table.
    [Fact]
    public void Subnet_NoExplicitAssociation_UsesTheMainRouteTable()
    {
        var w = new World();
        var main = w.B.MainRouteTable(w.Vpc);
        w.B.Route(main, "0.0.0.0/0", w.Nat);
        var trace = w.B.Compile().Run("server", "8.8.8.8");
        trace.AssertAccepted();
        Assert.Contains(trace.Forward, h => h.Component.Id == main.Value);
    }

    // AWS: traffic between two interfaces of one subnet is layer 2: no route table, even a blackhole for it.
    [Fact]
    public void SameSubnet_BetweenTwoInterfaces_BypassesRouteTable()
    {
        var w = new World();
        var open = w.B.Id("open");
        w.B.Instance("neighbour", w.Client, [new SecurityGroupId(open)], privateIp: "10.1.1.11");
        var trace = w.B.Compile().Run("client", "neighbour");
        trace.AssertAccepted();
        Assert.DoesNotContain(trace.Forward, h => h.Component.Kind == ComponentKind.RouteTable);
    }

    // AWS: with source/destination check on, an interface only receives packets addressed to it, so a route
    // through it as a middlebox drops (ENI_SOURCE_DEST_CHECK_RESTRICTION); with the check off it forwards.
    [Theory]
    [InlineData(false, "ACCEPT")]
    [InlineData(true, "ENI_SOURCE_DEST_CHECK_RESTRICTION")]
    public void MiddleboxRoute_SourceDestCheckOnOrOff_ForwardsOnlyWithTheCheckOff(bool check, string expected)
    {
        var w = new World();
        var open = new SecurityGroupId(w.B.Id("open"));
        var (_, box) = w.B.Instance("box", w.Public, [open], privateIp: "10.1.3.60", sourceDestCheck: check);
        w.B.Route(w.ClientRt, "10.1.2.0/24", box);
        w.B.Compile().Run("client", "server").AssertVerdict(expected);
    }

    // AWS: a route to an instance that is not running is a blackhole.
    [Fact]
    public void Route_ToStoppedInstance_BadStateRoute()
    {
        var w = new World();
        var open = new SecurityGroupId(w.B.Id("open"));
        var (box, _) = w.B.Instance("box", w.Public, [open], privateIp: "10.1.3.60", sourceDestCheck: false);
        w.B.Route(w.ClientRt, "10.1.2.0/24", box);
        w.B.SetInstanceState(box, InstanceState.Stopped);
        w.B.Compile().Run("client", "server").AssertDropped(ExplanationCode.BadStateRoute);
    }

    // Choice (docs/semantics.md): routes that loop between middleboxes end in VPCLAB_FORWARDING_LOOP.
    [Fact]
    public void MiddleboxRoutes_LoopBetweenMiddleboxes_ForwardingLoop()
    {
        var w = new World();
        var open = new SecurityGroupId(w.B.Id("open"));
        var (_, box) = w.B.Instance("box", w.Public, [open], privateIp: "10.1.3.60", sourceDestCheck: false);
        w.B.Route(w.ClientRt, "8.8.8.0/24", box);
        var firewallRt = w.B.RouteTable("loop-rt", w.Vpc, w.Public);
        w.B.Route(firewallRt, "8.8.8.0/24", w.Middlebox);
        w.B.Compile().Run("client", "8.8.8.8").AssertDropped(ExplanationCode.ForwardingLoop);
    }

    [Fact]
    public void Run_Ipv6Family_PicksTheIpv6DestinationAndIsAccepted()
    {
        var w = new World();
        var trace = w.B.Compile().Run("client", "server", family: IpFamily.V6);
        trace.AssertAccepted();
        Assert.True(trace.Flow.Destination.IsV6);
    }

    // A table with many entries (a large prefix list) is searched with the interval LPM table rather than a scan:
    // same answers, longest prefix first.
    [Theory]
    [InlineData("52.1.5.5", "nat")]        // in the list (/16s)
    [InlineData("52.29.0.1", "nat")]
    [InlineData("52.7.1.1", "igw-drop")]   // a more specific CIDR route (/24) inside a list entry wins: IGW, no public IP
    [InlineData("52.99.0.1", "none")]
    public void LargePrefixList_LongestPrefixStillWins(string destination, string expected)
    {
        var w = new World();
        var cidrs = Enumerable.Range(0, 40).Select(i => $"52.{i}.0.0/16").ToArray();
        var pl = w.B.PrefixList("big", cidrs);
        w.B.Route(w.ClientRt, pl.Value, RouteTargetKind.NatGateway, w.Nat.Value);
        w.B.Route(w.ClientRt, "52.7.1.0/24", w.Igw);
        var trace = w.B.Compile().Run("client", destination);
        switch (expected)
        {
            case "nat":
                trace.AssertAccepted();
                break;
            case "igw-drop":
                trace.AssertDropped(ExplanationCode.IgwPublicIpAssociationForEgress);
                break;
            default:
                trace.AssertDropped(ExplanationCode.NoRouteToDestination);
                break;
        }
    }
}
