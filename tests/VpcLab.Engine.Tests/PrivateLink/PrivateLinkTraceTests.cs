using VpcLab.Engine.Tests.TestWorlds;

namespace VpcLab.Engine.Tests.PrivateLink;

/// <summary>A consumer instance reaching a provider's endpoint service through its interface endpoint: client →
/// endpoint interface (its groups) → the provider's load balancer node in the same zone → target, and back
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html; the source address the
/// target sees: https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation,
/// "Client IP preservation has no effect on inbound traffic from AWS PrivateLink").
/// docs/semantics.md#privatelink-data-plane.</summary>
public sealed class PrivateLinkTraceTests
{
    // One row per rule: the variant, the zone of the endpoint interface the client connects to, the verdict (RA's code).
    [Theory]
    [InlineData(PrivateLinkVariant.None, "us-east-1a", "ACCEPT")] // accepted at once: the whole path works
    [InlineData(PrivateLinkVariant.None, "us-east-1b", "ELBV2_NO_TARGETS_IN_AZ")] // the zone-b interface hands to the zone-b node, which has no target in its zone (cross-zone off)
    [InlineData(PrivateLinkVariant.InstanceTarget, "us-east-1a", "ACCEPT")] // instance targets too: no client IP over PrivateLink
    [InlineData(PrivateLinkVariant.NotAccepted, "us-east-1a", "BAD_STATE")] // pendingAcceptance carries nothing
    [InlineData(PrivateLinkVariant.Rejected, "us-east-1a", "BAD_STATE")] // rejected carries nothing
    [InlineData(PrivateLinkVariant.NoTargets, "us-east-1a", "ELBV2_LISTENER_HAS_NO_TG")] // the target group is empty
    [InlineData(PrivateLinkVariant.TargetRefusesNlb, "us-east-1a", "ENI_SG_RULES_MISMATCH")] // the target's group refuses the NLB's addresses
    [InlineData(PrivateLinkVariant.EndpointGroupRefuses, "us-east-1a", "SG_HAS_NO_RULES")] // the endpoint's own groups admit nothing
    [InlineData(PrivateLinkVariant.ServiceLeftZoneB, "us-east-1b", "VPCE_SERVICE_NOT_INSTALLED_IN_AZ")] // no node in the interface's zone
    [InlineData(PrivateLinkVariant.ServiceLeftZoneB, "us-east-1a", "ACCEPT")] // zone a still served
    public void ClientToEndpoint_Rule_Verdict(PrivateLinkVariant variant, string zone, string expected)
    {
        var world = new PrivateLinkWorld(variant);
        var trace = world.Compiled.Run(world.Client.Id.Value, world.EndpointAddress(zone).ToString(), port: 80);
        trace.AssertVerdict(expected);
    }

    [Fact]
    public void Target_PrivateLinkConnection_SeesTheNodesPrivateAddress()
    {
        var world = new PrivateLinkWorld(PrivateLinkVariant.InstanceTarget);
        var trace = world.Compiled.Run(world.Client.Id.Value, world.EndpointAddress("us-east-1a").ToString(), port: 80);
        trace.AssertAccepted();
        var delivered = trace.Forward.Last();
        Assert.Equal(world.App.PrimaryNetworkInterface.Value, delivered.Component.Id);
        Assert.Equal(world.Nlb.NodeIn("us-east-1a")!.PrivateIpv4, delivered.OutboundHeader.Source);
        Assert.Equal(world.AddressOf(world.App), delivered.OutboundHeader.Destination);
    }

    [Fact]
    public void Path_ThroughEndpoint_CrossesEndpointNodeAndTarget()
    {
        var world = new PrivateLinkWorld();
        var trace = world.Compiled.Run(world.Client.Id.Value, world.EndpointAddress("us-east-1a").ToString(), port: 80);
        trace.AssertAccepted();
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.InterfaceEndpoint && h.Component.Id == world.Endpoint.Id.Value);
        var node = trace.Forward.First(h => h.Component.Kind == ComponentKind.LoadBalancer);
        Assert.Equal(world.Nlb.NodeIn("us-east-1a")!.PrivateIpv4, node.OutboundHeader.Destination);
        // The reply comes back to the client from the endpoint's address and port.
        var last = trace.Return.Last();
        Assert.Equal(world.AddressOf(world.Client), last.OutboundHeader.Destination);
        Assert.Equal(world.EndpointAddress("us-east-1a"), last.OutboundHeader.Source);
    }
}
