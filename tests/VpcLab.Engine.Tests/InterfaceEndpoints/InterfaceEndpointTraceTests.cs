using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>Flows to an interface endpoint (spec gateways-endpoints-peering.md §e; docs/semantics.md#interface-endpoints): the endpoint's
/// interface is guarded by its subnet's NACL and its security groups, the endpoint carries TCP only to its service,
/// the service never initiates, and the reply comes back through the NACLs. World: <see cref="EndpointWorld"/>
/// (no internet or NAT gateway anywhere).</summary>
public class InterfaceEndpointTraceTests
{
    [Theory]
    // AWS: with private DNS on (and both VPC DNS attributes on) a private instance reaches SNS through the endpoint.
    [InlineData(EndpointVariant.None, "client-a", "tcp", 443, "ACCEPT", PathDirection.Forward)]
    [InlineData(EndpointVariant.None, "client-c", "tcp", 443, "ACCEPT", PathDirection.Forward)]
    // AWS: private DNS off: the name resolves to the public address, and without an internet route the route table drops it.
    [InlineData(EndpointVariant.PrivateDnsOff, "client-a", "tcp", 443, "NO_ROUTE_TO_DESTINATION", PathDirection.Forward)]
    // AWS: enableDnsHostnames off: the same, the private hosted zone is not used.
    [InlineData(EndpointVariant.HostnamesOff, "client-a", "tcp", 443, "NO_ROUTE_TO_DESTINATION", PathDirection.Forward)]
    // AWS: the endpoint's security group must allow 443 from the client.
    [InlineData(EndpointVariant.EndpointSgOnlyFromAppA, "client-b", "tcp", 443, "ENI_SG_RULES_MISMATCH", PathDirection.Forward)]
    [InlineData(EndpointVariant.EndpointSgOnlyFromAppA, "client-a", "tcp", 443, "ACCEPT", PathDirection.Forward)]
    [InlineData(EndpointVariant.None, "client-a", "tcp", 80, "ENI_SG_RULES_MISMATCH", PathDirection.Forward)]
    // AWS: interface endpoints carry TCP only; UDP that the security group lets in is refused by the endpoint.
    [InlineData(EndpointVariant.EndpointSgAllProtocols, "client-a", "udp", 443, "PROTOCOL_RESTRICTION", PathDirection.Forward)]
    [InlineData(EndpointVariant.EndpointSgAllProtocols, "client-a", "icmp", 0, "PROTOCOL_RESTRICTION", PathDirection.Forward)]
    // AWS: NACLs are stateless and guard the endpoint's subnet: inbound 443 denied, or the reply denied outbound.
    [InlineData(EndpointVariant.NaclDeniesInbound443, "client-a", "tcp", 443, "SUBNET_ACL_RESTRICTION", PathDirection.Forward)]
    [InlineData(EndpointVariant.NaclDeniesReplies, "client-a", "tcp", 443, "SUBNET_ACL_RESTRICTION", PathDirection.Return)]
    public void ClientToSnsByName_FollowsEndpointRules(EndpointVariant variant, string from, string protocol, int port,
        string expected, PathDirection direction)
    {
        var trace = new EndpointWorld(variant).Trace(from, EndpointWorld.SnsName, protocol, (ushort)port);
        trace.AssertVerdict(expected, direction);
    }

    [Fact]
    public void Accepted_ForwardPathEndsAtEndpointThenService_ReplyLeavesTheEndpointInterface()
    {
        var w = new EndpointWorld();
        var trace = w.Trace("client-a", EndpointWorld.SnsName);
        trace.AssertAccepted();
        Assert.Equal(
            ["SecurityGroup:endpoint-sg", "NetworkInterface:sns-endpoint-us-east-1a", "InterfaceEndpoint:sns-endpoint",
                "AwsService:com.amazonaws.us-east-1.sns"],
            trace.Forward.Components().TakeLast(4));
        Assert.Equal(HopAction.Delivered, trace.Forward[^1].Action);
        Assert.Equal("NetworkInterface:sns-endpoint-us-east-1a", trace.Return.Components().First());
        Assert.Equal("NetworkInterface:client-a", trace.Return.Components().Last());
        // The DNS answer travels with the trace.
        Assert.Equal(VpcLab.Engine.Dns.DnsRule.VpcEndpointPrivateDns, Assert.Single(trace.Resolutions).Rule);
    }

    // AWS: the endpoint security group's inbound rule is what a refused client meets.
    [Fact]
    public void ClientToSnsByName_EndpointSecurityGroupRefuses_DroppedAtTheEndpointSecurityGroup()
    {
        var trace = new EndpointWorld(EndpointVariant.EndpointSgOnlyFromAppA).Trace("client-b", EndpointWorld.SnsName);
        Assert.Equal("endpoint-sg", trace.DroppedAt!.Name);
    }

    [Theory]
    [InlineData(EndpointVariant.PrivateDnsOff, "private DNS is off")]
    [InlineData(EndpointVariant.HostnamesOff, "enableDnsHostnames off")]
    public void ClientToSnsByName_PrivateDnsNotUsed_NoRouteExplainedByThePublicAnswer(EndpointVariant variant, string why)
    {
        var trace = new EndpointWorld(variant).Trace("client-a", EndpointWorld.SnsName);
        Assert.Equal(ExplanationCode.NoRouteToDestination, trace.Explanations[0].Code);
        Assert.Equal(ComponentKind.RouteTable, trace.DroppedAt!.Kind);
        var public_ = Assert.Single(trace.Explanations, e => e.Code == ExplanationCode.ServiceNameResolvedToPublicAddress);
        Assert.Contains("52.46.0.10", public_.Message, StringComparison.Ordinal);
        Assert.Contains(why, public_.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Choice: the trace connects to the endpoint's interface in the client's zone when there is one.
    [InlineData("client-a", "sns", "us-east-1a", true, true)]
    [InlineData("client-b", "sns", "us-east-1b", true, true)]
    // AWS: no interface in the client's zone: the client uses another zone's (cross-AZ, depends on that zone).
    [InlineData("client-c", "sns", "us-east-1a", false, false)]
    // A zonal name pins the zone: cross-AZ though the client's zone has an interface.
    [InlineData("client-a", "zonal-b", "us-east-1b", false, true)]
    public void EndpointHop_ReportsSameOrCrossAz(string from, string to, string endpointZone, bool sameZone, bool sourceZoneHasInterface)
    {
        var w = new EndpointWorld();
        var trace = w.Trace(from, to == "sns" ? EndpointWorld.SnsName : w.ZonalName("us-east-1b"));
        trace.AssertAccepted();
        var hop = trace.Forward.Single(h => h.Component.Kind == ComponentKind.InterfaceEndpoint);
        var zone = hop.EndpointZone!;
        Assert.Equal(endpointZone, zone.EndpointZone);
        Assert.Equal(sameZone, zone.SameZone);
        Assert.Equal(sourceZoneHasInterface, zone.SourceZoneHasEndpointInterface);
        Assert.Equal(w.EndpointIp(endpointZone), trace.Flow.Destination);
        Assert.Equal(!sameZone, hop.Explanations.Any(e => e.Code == ExplanationCode.AvailabilityZoneCrossed));
    }

    [Fact]
    public void ClientToSnsByName_NoEndpointInterfaceInTheClientsZone_CrossAzExplanation()
    {
        var trace = new EndpointWorld().Trace("client-c", EndpointWorld.SnsName);
        var hop = trace.Forward.Single(h => h.Component.Kind == ComponentKind.InterfaceEndpoint);
        var crossed = Assert.Single(hop.Explanations);
        Assert.Contains("no interface in us-east-1c", crossed.Message, StringComparison.Ordinal);
        Assert.Contains("cross-AZ", hop.EndpointZone!.Summary, StringComparison.Ordinal);
    }

    // AWS: traffic must be initiated from the consumer side; the service cannot initiate into the VPC.
    [Theory]
    [InlineData("tcp", 22)]
    [InlineData("udp", 53)]
    public void EndpointInterface_InitiatesTcpOrUdpIntoTheVpc_DroppedAsVpceIntraVpcTraffic(string protocol, int port)
    {
        var w = new EndpointWorld();
        var trace = w.Trace(w.EndpointInterface("us-east-1a").Id.Value, "client-a", protocol, (ushort)port);
        trace.AssertDropped(ExplanationCode.VpceIntraVpcTraffic);
    }

    // Choice: an endpoint that is not available carries nothing (BAD_STATE at the endpoint).
    [Fact]
    public void InterfaceEndpoint_Pending_DroppedWithBadStateAtTheEndpoint()
    {
        var w = new EndpointWorld(EndpointVariant.EndpointPending);
        var trace = w.Trace("client-a", w.EndpointIp("us-east-1a").ToString());
        trace.AssertDropped(ExplanationCode.BadState);
        Assert.Equal(ComponentKind.InterfaceEndpoint, trace.DroppedAt!.Kind);
    }

    // The endpoint's interfaces are reached by address too (the regional name or an address in code).
    [Fact]
    public void ClientToEndpoint_ByAddressOrRegionalName_Accepted()
    {
        var w = new EndpointWorld();
        w.Trace("client-b", w.EndpointIp("us-east-1b").ToString()).AssertAccepted();
        w.Trace("client-b", w.RegionalName).AssertAccepted();
    }

    // AWS: a VPC without peering cannot reach another VPC's endpoint interfaces, though their names resolve.
    [Fact]
    public void RegionalName_FromAnUnpeeredVpc_ResolvesButIsDropped()
    {
        var w = new EndpointWorld();
        var trace = w.Trace("other-1", w.RegionalName);
        Assert.Equal(Verdict.Dropped, trace.Verdict);
    }

    // AWS: a peered VPC reaches the endpoint's interfaces by address or by the endpoint's regional name; the private
    // hosted zone stays with the endpoint's VPC, so the service's public name gives the peer the public address.
    [Theory]
    [InlineData("regional", "ACCEPT")]
    [InlineData("sns", "NO_ROUTE_TO_DESTINATION")]
    public void PeeredVpc_RegionalNameOrServiceName_AcceptedOnlyByTheRegionalName(string to, string expected)
    {
        var w = new EndpointWorld(EndpointVariant.PeeredOther);
        var trace = w.Trace("other-1", to == "regional" ? w.RegionalName : EndpointWorld.SnsName);
        trace.AssertVerdict(expected);
        if (expected == "ACCEPT")
            Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.VpcPeeringConnection);
    }

    [Fact]
    public void EndpointInterfaces_AreNotInstances_ButUsableWithoutAttachment()
    {
        var w = new EndpointWorld();
        var eni = w.EndpointInterface("us-east-1a");
        Assert.Equal(NetworkInterfaceType.VpcEndpoint, eni.InterfaceType);
        Assert.Null(eni.Attachment);
        w.Trace("client-a", eni.PrimaryPrivateIp.ToString()).AssertAccepted();
    }
}
