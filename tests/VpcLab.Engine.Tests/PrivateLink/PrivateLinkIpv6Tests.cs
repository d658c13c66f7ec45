using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.PrivateLink;

/// <summary>IPv6 through a dualstack endpoint to a provider's service over a dualstack NLB
/// (docs/semantics.md#endpoint-service-ipv6): the client connects to the endpoint's IPv6 address, the endpoint hands the
/// connection to the node's IPv6 front, the node forwards to its IPv4 target from its own private IPv4 ("Service
/// providers can make their service endpoints available to service consumers over IPv4, IPv6, or both IPv4 and IPv6,
/// even if their backend servers support only IPv4",
/// https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-ip-address-type),
/// and the reply returns over IPv6.</summary>
public sealed class PrivateLinkIpv6Tests
{
    [Fact]
    public void Ipv6Client_ThroughDualstackEndpoint_ReachesIpv4TargetFromTheNodesIpv4()
    {
        var w = new PrivateLinkWorld(PrivateLinkVariant.Ipv6);
        var endpoint = w.EndpointIpv6Address("us-east-1a");
        var trace = w.Compiled.Run(w.Client.Id.Value, endpoint.ToString(), port: 80);
        trace.AssertAccepted();
        var nodeInA = w.Nlb.NodeIn("us-east-1a")!;
        var node = trace.Forward.First(h => h.Component.Kind == ComponentKind.LoadBalancer);
        Assert.Equal(nodeInA.Ipv6, node.OutboundHeader.Destination); // the node's IPv6 front
        var delivered = trace.Forward.Last();
        Assert.Equal(w.App.PrimaryNetworkInterface.Value, delivered.Component.Id);
        Assert.Equal(nodeInA.PrivateIpv4, delivered.OutboundHeader.Source);
        var last = trace.Return.Last();
        Assert.Equal((endpoint, w.Ipv6AddressOf(w.Client)), (last.OutboundHeader.Source, last.OutboundHeader.Destination));
    }

    [Fact] // The same world still serves IPv4 through the endpoint's IPv4 address.
    public void Ipv4Client_ThroughDualstackEndpoint_StillAccepted()
    {
        var w = new PrivateLinkWorld(PrivateLinkVariant.Ipv6);
        w.Compiled.Run(w.Client.Id.Value, w.EndpointAddress("us-east-1a").ToString(), port: 80).AssertAccepted();
    }

    [Fact] // Flow-log material over IPv6: the endpoint and client record IPv6, the node both legs, the target IPv4.
    public void Observe_Ipv6ThroughEndpoint_EachInterfaceRecordsItsFamily()
    {
        var w = new PrivateLinkWorld(PrivateLinkVariant.Ipv6);
        var client = w.Ipv6AddressOf(w.Client);
        var endpoint = w.EndpointIpv6Address("us-east-1a");
        var nodeInA = w.Nlb.NodeIn("us-east-1a")!;
        var node6 = nodeInA.Ipv6!.Value;
        var node4 = nodeInA.PrivateIpv4;
        var app = w.AddressOf(w.App);
        Assert.Equal(
        [
            $"client out [{client}]:40000 -> [{endpoint}]:80 tcp ACCEPT 1",
            $"vpce in [{client}]:40000 -> [{endpoint}]:80 tcp ACCEPT -",
            $"nlb in [{node6}]:40000 -> [{node6}]:80 tcp ACCEPT -",
            $"nlb out {node4}:40000 -> {app}:80 tcp ACCEPT 1",
            $"app in {node4}:40000 -> {app}:80 tcp ACCEPT -",
            $"app out {app}:80 -> {node4}:40000 tcp ACCEPT 1",
            $"nlb in {app}:80 -> {node4}:40000 tcp ACCEPT -",
            $"vpce out [{endpoint}]:80 -> [{client}]:40000 tcp ACCEPT 1",
            $"client in [{endpoint}]:80 -> [{client}]:40000 tcp ACCEPT -",
        ], w.ObservationLines(FlowKey.Tcp(client, endpoint, 80, 40000)));
    }
}
