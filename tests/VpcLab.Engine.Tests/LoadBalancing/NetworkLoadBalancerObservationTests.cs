using VpcLab.Net;

namespace VpcLab.Engine.Tests.LoadBalancing;

/// <summary>What the interfaces of a flow through a Network Load Balancer see (the raw material of flow logs): the
/// client's, the node's (the connection in, and on toward the target), the target's, and the reply the same way back.
/// Lines read "interface direction packet action traffic-path". AWS: the load balancer's interface is logged like any
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html).</summary>
public sealed class NetworkLoadBalancerObservationTests
{
    private static string[] Observe(NlbWorld w, FlowKey flow, int source)
    {
        var into = new FlowObservations();
        Assert.Equal(w.Compiled.Decide(in flow, source), w.Compiled.Observe(in flow, source, into));
        var lines = new string[into.Count];
        for (int i = 0; i < into.Count; i++)
        {
            var o = into[i];
            var eni = w.Compiled.InterfaceAt(o.InterfaceIndex);
            string name = eni.Attachment is { } a ? (a.InstanceId == w.Web.Id ? "web" : "client") : "nlb";
            string path = o.EgressPath == TrafficPath.None ? "-" : ((int)o.EgressPath).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = $"{name} {(o.Direction == TrafficDirection.Egress ? "out" : "in")} {o.Packet} {(o.Accepted ? "ACCEPT" : "REJECT")} {path}";
        }
        return lines;
    }

    [Fact] // ip target over TCP: the target sees (and answers) the node's address.
    public void Observe_ClientThroughNlbToIpTarget_NodeRecordsBothLegs()
    {
        var w = new NlbWorld(NlbVariant.IpTarget | NlbVariant.Internal);
        var client = w.AddressOf(w.Client);
        var node = w.Node("us-east-1a").PrivateIpv4;
        var web = w.AddressOf(w.Web);
        Assert.Equal(
        [
            $"client out {client}:40000 -> {node}:80 tcp ACCEPT 1",
            $"nlb in {client}:40000 -> {node}:80 tcp ACCEPT -",
            $"nlb out {node}:40000 -> {web}:80 tcp ACCEPT 1",
            $"web in {node}:40000 -> {web}:80 tcp ACCEPT -",
            $"web out {web}:80 -> {node}:40000 tcp ACCEPT 1",
            $"nlb in {web}:80 -> {node}:40000 tcp ACCEPT -",
            $"nlb out {node}:80 -> {client}:40000 tcp ACCEPT 1",
            $"client in {node}:80 -> {client}:40000 tcp ACCEPT -",
        ], Observe(w, FlowKey.Tcp(client, node, 80, 40000), w.InterfaceOf(w.Client)));
    }
}
