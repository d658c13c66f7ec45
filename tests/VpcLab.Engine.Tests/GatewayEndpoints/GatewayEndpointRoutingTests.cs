using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;

namespace VpcLab.Engine.Tests.GatewayEndpoints;

/// <summary>Gateway endpoints in the data plane (spec: gateways-endpoints-peering.md §d): a prefix-list route leads
/// to the endpoint, longest prefix match over the list's expanded CIDRs decides, same Region only, TCP and ICMP
/// echo only, the subnet NACL still applies both ways, never across a peering.</summary>
public class GatewayEndpointRoutingTests
{
    private static bool ViaEndpoint(Trace t) => t.Forward.Any(h => h.Component.Kind == ComponentKind.GatewayEndpoint);

    private static bool ViaInternetGateway(Trace t) => t.Forward.Any(h => h.Component.Kind == ComponentKind.InternetGateway);

    [Theory]
    // AWS: 0.0.0.0/0 → igw and pl-s3 → vpce: S3 traffic (more specific) uses the endpoint.
    [InlineData("public-1", GatewayEndpointLab.S3, "endpoint")]
    [InlineData("public-1", GatewayEndpointLab.S3Other, "endpoint")]
    // AWS: the same beats 0.0.0.0/0 → nat in a private subnet.
    [InlineData("private-1", GatewayEndpointLab.S3, "endpoint")]
    // AWS: the only way out of an isolated subnet to S3 is the endpoint.
    [InlineData("isolated-1", GatewayEndpointLab.S3, "endpoint")]
    // AWS: S3 in another Region is not in this Region's prefix list: it goes by the default route (same Region only).
    [InlineData("public-1", GatewayEndpointLab.S3EuWest1, "igw")]
    [InlineData("private-1", GatewayEndpointLab.S3EuWest1, "nat")]
    [InlineData("isolated-1", GatewayEndpointLab.S3EuWest1, "NO_ROUTE_TO_DESTINATION")]
    // An S3 endpoint does not carry DynamoDB: its prefix list holds S3's ranges only.
    [InlineData("public-1", GatewayEndpointLab.DynamoDb, "igw")]
    public void PrefixListRoute_LongestPrefixMatch_PicksTheEndpointForSameRegionS3(string from, string to, string expected)
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.PublicRt, lab.PrivateRt, lab.IsolatedRt]);
        var t = lab.Compile().Run(from, to);
        switch (expected)
        {
            case "endpoint":
                t.AssertAccepted();
                Assert.True(ViaEndpoint(t), t.ToString());
                Assert.False(ViaInternetGateway(t), t.ToString());
                var route = t.Forward.Last(h => h.Route is not null).Route!;
                Assert.Equal(GatewayEndpointLab.PrefixList("s3"), route.DestinationPrefixListId);
                Assert.Equal(RouteTargetKind.GatewayEndpoint, route.TargetKind);
                // The trace names the list's CIDR that matched (LPM over the expanded list).
                Assert.True(route.MatchedCidr!.Value.Contains(Net.IpAddress.Parse(to)), t.ToString());
                break;
            case "igw":
                t.AssertAccepted();
                Assert.False(ViaEndpoint(t), t.ToString());
                Assert.True(ViaInternetGateway(t), t.ToString());
                break;
            case "nat":
                t.AssertAccepted();
                Assert.False(ViaEndpoint(t), t.ToString());
                Assert.Contains(t.Forward, h => h.Component.Kind == ComponentKind.NatGateway);
                break;
            default:
                t.AssertDropped(new ExplanationCode(expected));
                break;
        }
    }

    [Theory]
    // AWS: a more specific static CIDR inside an S3 range wins over the prefix-list route (LPM, whatever the kinds).
    [InlineData("3.5.0.0/24", GatewayEndpointLab.S3, false)]
    [InlineData("3.5.0.0/24", "3.5.1.10", true)]
    // AWS: a static CIDR route with a prefix equal to a prefix-list CIDR wins over the prefix-list route.
    [InlineData("3.5.0.0/19", GatewayEndpointLab.S3, false)]
    [InlineData("3.5.0.0/19", GatewayEndpointLab.S3Other, true)]
    // A less specific static route loses to the prefix list's longer CIDR.
    [InlineData("3.0.0.0/8", GatewayEndpointLab.S3, true)]
    public void StaticCidrRoute_AgainstPrefixListRoute_LongestPrefixThenCidrWins(string staticCidr, string to, bool viaEndpoint)
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.PublicRt]);
        lab.B.Route(lab.PublicRt, staticCidr, lab.Igw);
        var t = lab.Compile().Run("public-1", to);
        t.AssertAccepted();
        Assert.Equal(viaEndpoint, ViaEndpoint(t));
        Assert.Equal(!viaEndpoint, ViaInternetGateway(t));
    }

    [Theory]
    // AWS: a gateway endpoint's route is active only while the endpoint is available; otherwise a blackhole.
    [InlineData(VpcEndpointState.Pending)]
    [InlineData(VpcEndpointState.Deleting)]
    [InlineData(VpcEndpointState.Deleted)]
    [InlineData(VpcEndpointState.Failed)]
    public void EndpointNotAvailable_RouteIsBlackhole(VpcEndpointState state)
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.IsolatedRt], state: state);
        var t = lab.Compile().Run("isolated-1", GatewayEndpointLab.S3);
        t.AssertDropped(ExplanationCode.BadStateRoute);
        Assert.Equal(RouteState.Blackhole, t.Forward.Last(h => h.Route is not null).Route!.State);
    }

    [Fact]
    public void EndpointDeleted_ItsRouteLeftBehind_IsBlackhole()
    {
        var lab = new GatewayEndpointLab();
        var vpce = lab.GatewayEndpoint(tables: [lab.IsolatedRt]);
        lab.Forget(vpce);
        lab.Compile().Run("isolated-1", GatewayEndpointLab.S3).AssertDropped(ExplanationCode.BadStateRoute);
    }

    [Fact]
    public void EndpointOfAnotherVpc_RouteToIt_IsBlackhole()
    {
        // AWS: an endpoint serves only its own VPC's route tables.
        var lab = new GatewayEndpointLab();
        var other = lab.B.Vpc("other", "10.9.0.0/16");
        lab.GatewayEndpoint(tables: [lab.IsolatedRt], vpc: other);
        lab.Compile().Run("isolated-1", GatewayEndpointLab.S3).AssertDropped(ExplanationCode.BadStateRoute);
    }

    [Theory]
    // AWS (RA VPCE_GATEWAY_PROTOCOL_RESTRICTION): only TCP, or ICMP echo, through a gateway endpoint.
    [InlineData("tcp", 443, null, "ACCEPT")]
    [InlineData("tcp", 80, null, "ACCEPT")]
    [InlineData("udp", 443, null, "VPCE_GATEWAY_PROTOCOL_RESTRICTION")]
    [InlineData("udp", 53, null, "VPCE_GATEWAY_PROTOCOL_RESTRICTION")]
    [InlineData("icmp", 0, 8, "ACCEPT")]
    [InlineData("icmp", 0, 13, "VPCE_GATEWAY_PROTOCOL_RESTRICTION")]
    [InlineData("47", 0, null, "VPCE_GATEWAY_PROTOCOL_RESTRICTION")]
    public void Protocols_ThroughGatewayEndpoint(string protocol, int port, int? icmpType, string expected)
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.IsolatedRt]);
        var t = lab.Compile().Run("isolated-1", GatewayEndpointLab.S3, protocol, (ushort)port, icmpType: icmpType);
        t.AssertVerdict(expected);
        if (expected != "ACCEPT")
            Assert.Equal(ComponentKind.GatewayEndpoint, t.DroppedAt!.Kind);
    }

    [Fact]
    public void IsolatedSubnetToS3_ThroughGatewayEndpoint_ReplyReturnsTheSameWayUntranslated()
    {
        var lab = new GatewayEndpointLab();
        var vpce = lab.GatewayEndpoint(tables: [lab.IsolatedRt]);
        var t = lab.Compile().Run("isolated-1", GatewayEndpointLab.S3);
        t.AssertAccepted();
        Assert.Equal(
            ["NetworkInterface", "SecurityGroup", "NetworkAcl", "RouteTable", "GatewayEndpoint", "AwsService"],
            t.Forward.Select(h => h.Component.Kind.ToString()));
        Assert.Equal(HopAction.Delivered, t.Forward[^1].Action);
        Assert.Equal($"com.amazonaws.{GatewayEndpointLab.Region}.s3", t.Forward[^1].Component.Id);
        Assert.Equal(vpce.Value, t.Forward[^2].Component.Id);
        Assert.Equal(
            ["AwsService", "GatewayEndpoint", "NetworkAcl", "NetworkInterface"],
            t.Return.Select(h => h.Component.Kind.ToString()));
        // The service sees the private source address: no translation anywhere.
        Assert.All(t.Forward, h => Assert.Equal(t.Flow.Source, h.OutboundHeader.Source));
    }

    [Theory]
    // AWS: the subnet's NACL still applies both ways (stateless); the NACL names no prefix list, only CIDRs.
    [InlineData(true)]  // outbound denies 443 to S3's range: the request never leaves
    [InlineData(false)] // inbound denies the reply's ephemeral ports from S3's range: the reply is dropped
    public void NetworkAcl_OfTheSubnet_AppliesBothWays(bool outbound)
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.IsolatedRt]);
        var acl = lab.B.NetworkAcl("isolated-acl", lab.Vpc, lab.Isolated);
        lab.B.AclEntry(acl, 100, egress: true, "tcp", outbound ? "deny" : "allow", "3.5.0.0/19", "443");
        lab.B.AclEntry(acl, 100, egress: false, "tcp", outbound ? "allow" : "deny", "3.5.0.0/19", "1024-65535");
        lab.B.AclEntry(acl, 200, egress: true, "-1", "allow", "0.0.0.0/0");
        lab.B.AclEntry(acl, 200, egress: false, "-1", "allow", "0.0.0.0/0");
        var t = lab.Compile().Run("isolated-1", GatewayEndpointLab.S3);
        t.AssertDropped(ExplanationCode.SubnetAclRestriction, outbound ? PathDirection.Forward : PathDirection.Return);
    }

    [Fact]
    public void SecurityGroupEgress_ToThePrefixList_AllowsAndIsStatefulForTheReply()
    {
        // AWS: security group rules may name the prefix list; the reply needs no inbound rule (stateful).
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.IsolatedRt]);
        var sg = lab.B.SecurityGroup("s3-only", lab.Vpc, allowAllEgress: false);
        lab.B.Egress(sg, "tcp", 443, 443, GatewayEndpointLab.PrefixList("s3").Value);
        var (_, eni) = lab.B.Instance("s3-client", lab.Isolated, [sg]);
        var world = lab.Compile();
        var ok = world.Run(eni.Value, GatewayEndpointLab.S3);
        ok.AssertAccepted();
        Assert.Equal(GatewayEndpointLab.PrefixList("s3"), ok.Forward[1].SecurityGroupRule!.PrefixListId);
        world.Run(eni.Value, GatewayEndpointLab.S3, port: 80).AssertDropped(ExplanationCode.EniSgRulesMismatch);
    }

    [Fact]
    public void PeeredVpcToS3_RoutedOverThePeering_DroppedBeforeTheGatewayEndpoint()
    {
        // AWS: no edge-to-edge routing: a peer cannot reach S3 through this VPC's gateway endpoint.
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.IsolatedRt, lab.PublicRt, lab.PrivateRt]);
        var peer = lab.B.Vpc("peer", "10.5.0.0/16");
        var peerSubnet = lab.B.Subnet("peer-a", peer, "10.5.1.0/24");
        var pcx = lab.B.Peering("lab-peer", lab.Vpc, peer);
        var peerRt = lab.B.RouteTable("peer-rt", peer, peerSubnet);
        lab.B.Route(peerRt, "10.0.0.0/16", pcx);
        lab.B.Route(peerRt, "3.5.0.0/19", pcx);
        lab.B.Instance("peer-1", peerSubnet, [lab.B.DefaultSecurityGroup(peer)]);
        var t = lab.Compile().Run("peer-1", GatewayEndpointLab.S3);
        t.AssertDropped(ExplanationCode.PcxRequiresAddressInVpcCidr);
        Assert.DoesNotContain(t.Forward, h => h.Component.Kind == ComponentKind.GatewayEndpoint);
    }

    [Fact]
    public void DynamoDbGatewayEndpoint_S3OrDynamoDb_CarriesOnlyDynamoDb()
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(service: "dynamodb", tables: [lab.IsolatedRt]);
        var world = lab.Compile();
        var t = world.Run("isolated-1", GatewayEndpointLab.DynamoDb);
        t.AssertAccepted();
        Assert.Equal($"com.amazonaws.{GatewayEndpointLab.Region}.dynamodb", t.Forward[^1].Component.Id);
        world.Run("isolated-1", GatewayEndpointLab.S3).AssertDropped(ExplanationCode.NoRouteToDestination);
    }

    [Fact]
    public void NatGatewaySubnet_RoutesS3ToTheEndpoint_TranslatedThenCarriedByTheEndpoint()
    {
        // The NAT gateway's own subnet routes S3 to the endpoint: the NAT translates, the endpoint carries, and
        // the reply comes back through both.
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.PublicRt]);
        lab.B.Route(lab.PrivateRt, "3.5.0.0/16", lab.Nat);
        var t = lab.Compile().Run("private-1", GatewayEndpointLab.S3);
        t.AssertAccepted();
        Assert.Contains(t.Forward, h => h.Component.Kind == ComponentKind.NatGateway && h.Action == HopAction.Translated);
        Assert.Contains(t.Forward, h => h.Component.Kind == ComponentKind.GatewayEndpoint);
    }
}
