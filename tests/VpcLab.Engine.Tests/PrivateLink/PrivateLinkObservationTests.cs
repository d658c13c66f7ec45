using VpcLab.Net;

namespace VpcLab.Engine.Tests.PrivateLink;

/// <summary>What each interface of a PrivateLink connection sees (the raw material of flow logs): the client's, the
/// consumer endpoint's (in, and the reply out), the provider load balancer node's (in from PrivateLink, on to the
/// target, the reply back), and the target's, which sees the node's private address
/// (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-records-examples.html;
/// docs/semantics.md#privatelink-data-plane). Lines read "interface direction packet action traffic-path".</summary>
public sealed class PrivateLinkObservationTests
{
    [Fact]
    public void Observe_ClientThroughEndpointToTarget_EveryInterfaceRecordsItsLeg()
    {
        var w = new PrivateLinkWorld();
        var client = w.AddressOf(w.Client);
        var endpoint = w.EndpointAddress("us-east-1a");
        var node = w.Nlb.NodeIn("us-east-1a")!.PrivateIpv4;
        var app = w.AddressOf(w.App);
        var flow = FlowKey.Tcp(client, endpoint, 80, 40000);
        var lines = w.ObservationLines(flow);
        Assert.Equal(
        [
            $"client out {client}:40000 -> {endpoint}:80 tcp ACCEPT 1",
            $"vpce in {client}:40000 -> {endpoint}:80 tcp ACCEPT -",
            $"nlb in {node}:40000 -> {node}:80 tcp ACCEPT -",
            $"nlb out {node}:40000 -> {app}:80 tcp ACCEPT 1",
            $"app in {node}:40000 -> {app}:80 tcp ACCEPT -",
            $"app out {app}:80 -> {node}:40000 tcp ACCEPT 1",
            $"nlb in {app}:80 -> {node}:40000 tcp ACCEPT -",
            $"vpce out {endpoint}:80 -> {client}:40000 tcp ACCEPT 1",
            $"client in {endpoint}:80 -> {client}:40000 tcp ACCEPT -",
        ], lines);
    }

    [Fact] // The fast path stays allocation-free through PrivateLink (DESIGN.md: Decide allocates nothing).
    public void Decide_ThroughPrivateLink_DoesNotAllocate()
    {
        var w = new PrivateLinkWorld(PrivateLinkVariant.ServiceLeftZoneB);
        var client = w.AddressOf(w.Client);
        int index = w.Compiled.InterfaceIndexOf(w.Client.PrimaryNetworkInterface);
        var through = FlowKey.Tcp(client, w.EndpointAddress("us-east-1a"), 80, 40000);
        var notInZone = FlowKey.Tcp(client, w.EndpointAddress("us-east-1b"), 80, 40000);
        w.Compiled.Decide(through, index);
        w.Compiled.Decide(notInZone, index);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = true;
        for (int i = 0; i < 100; i++)
            ok &= w.Compiled.Decide(through, index).IsAccepted & !w.Compiled.Decide(notInZone, index).IsAccepted;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ok);
    }
}
