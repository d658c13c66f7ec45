using VpcLab.Engine.Tests.TestWorlds;

namespace VpcLab.Engine.Tests.PrivateLink;

/// <summary>Cross-Region PrivateLink in the data plane (docs/semantics.md#cross-region-privatelink): a client in
/// us-west-2 reaches the provider's service in us-east-1 through its cross-Region endpoint, whichever zone's interface it
/// uses, into the NLB node in us-east-1 and on to the target, which sees the node's private address, and back
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-cross-region:
/// "Cross-Region access does not require that providers and consumers use the same Availability Zones";
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation).</summary>
public sealed class CrossRegionPrivateLinkTraceTests
{
    // One row per rule: the variant, the consumer zone of the interface the client connects to, the verdict (RA's code).
    [Theory]
    [InlineData(PrivateLinkVariant.CrossRegion, "us-west-2a", "ACCEPT")]
    [InlineData(PrivateLinkVariant.CrossRegion, "us-west-2b", "ACCEPT")] // no zone in common with the service is needed
    [InlineData(PrivateLinkVariant.CrossRegion | PrivateLinkVariant.RegionRemoved, "us-west-2a", "ACCEPT")] // existing endpoints keep access
    [InlineData(PrivateLinkVariant.CrossRegion | PrivateLinkVariant.NotAccepted, "us-west-2a", "BAD_STATE")] // acceptance as in one Region
    [InlineData(PrivateLinkVariant.CrossRegion | PrivateLinkVariant.TargetRefusesNlb, "us-west-2a", "ENI_SG_RULES_MISMATCH")]
    [InlineData(PrivateLinkVariant.CrossRegion | PrivateLinkVariant.ServiceInUnsupportedZone, "us-west-2a", "VPCE_SERVICE_NOT_INSTALLED_IN_AZ")] // use1-az3 takes no cross-Region traffic
    public void WestClient_ThroughCrossRegionEndpoint_Verdict(PrivateLinkVariant variant, string zone, string expected)
    {
        var world = new PrivateLinkWorld(variant);
        var trace = world.Compiled.Run(world.Client.Id.Value, world.EndpointAddress(zone).ToString(), port: 80);
        trace.AssertVerdict(expected);
    }

    [Fact]
    public void WestClient_ThroughCrossRegionEndpoint_NodeInTheServicesRegionAndTargetSeesIt()
    {
        var world = new PrivateLinkWorld(PrivateLinkVariant.CrossRegion | PrivateLinkVariant.InstanceTarget);
        Assert.Equal("us-west-2", world.Endpoint.Region);
        Assert.Equal("us-east-1", world.Endpoint.ServiceRegionName);
        var trace = world.Compiled.Run(world.Client.Id.Value, world.EndpointAddress("us-west-2b").ToString(), port: 80);
        trace.AssertAccepted();
        var node = trace.Forward.First(h => h.Component.Kind == ComponentKind.LoadBalancer);
        var nodeInA = world.Nlb.NodeIn("us-east-1a")!;
        Assert.Equal(nodeInA.PrivateIpv4, node.OutboundHeader.Destination);
        var delivered = trace.Forward.Last();
        Assert.Equal(world.App.PrimaryNetworkInterface.Value, delivered.Component.Id);
        Assert.Equal(nodeInA.PrivateIpv4, delivered.OutboundHeader.Source);
        // The reply reaches the client in us-west-2 from the endpoint's address.
        var last = trace.Return.Last();
        Assert.Equal(world.AddressOf(world.Client), last.OutboundHeader.Destination);
        Assert.Equal(world.EndpointAddress("us-west-2b"), last.OutboundHeader.Source);
    }

    // The service's only target is in us-east-1b, so node A's address is out of the load balancer's DNS (cross-zone
    // off; docs/semantics.md#nlb-dns-failover): a cross-Region endpoint hands its connections to node B, where the
    // same-Region endpoint in us-east-1a keeps its own zone's node and finds no target there.
    [Theory]
    [InlineData(PrivateLinkVariant.CrossRegion | PrivateLinkVariant.TargetInZoneB, "us-west-2a", "us-east-1b", "ACCEPT")]
    [InlineData(PrivateLinkVariant.TargetInZoneB, "us-east-1a", "us-east-1a", "ELBV2_NO_TARGETS_IN_AZ")]
    [InlineData(PrivateLinkVariant.TargetInZoneB, "us-east-1b", "us-east-1b", "ACCEPT")]
    public void Endpoint_NodeZoneWithoutHealthyTarget_CrossRegionFailsAway(PrivateLinkVariant variant, string zone, string nodeZone, string expected)
    {
        var world = new PrivateLinkWorld(variant);
        Assert.False(world.Compiled.AnswersInDns(world.Nlb.NodeIn("us-east-1a")!));
        var trace = world.Compiled.Run(world.Client.Id.Value, world.EndpointAddress(zone).ToString(), port: 80);
        trace.AssertVerdict(expected);
        var node = trace.Forward.First(h => h.Component.Kind == ComponentKind.LoadBalancer);
        Assert.Equal(world.Nlb.NodeIn(nodeZone)!.PrivateIpv4, node.OutboundHeader.Destination);
    }

    [Fact] // Cross-Region endpoints answer their Regional name only (no zonal names).
    public void CrossRegionEndpoint_RegionalNameResolves_ZonalNamesDoNot()
    {
        var world = new PrivateLinkWorld(PrivateLinkVariant.CrossRegion);
        var source = new VpcLab.Engine.Dns.VpcEndpointDnsSource(world.Compiled.Network);
        var regional = Model.VpcEndpointDnsNames.Regional(world.Endpoint);
        var answer = source.Answer(new VpcLab.Engine.Dns.DnsQuery(regional, null));
        Assert.NotNull(answer);
        Assert.Equal(2, answer.Addresses.Length);
        Assert.Null(source.Answer(new VpcLab.Engine.Dns.DnsQuery(Model.VpcEndpointDnsNames.Zonal(world.Endpoint, "us-west-2a"), null)));
    }
}
