using VpcLab.Net;

namespace VpcLab.Engine.Tests.GatewayEndpoints;

/// <summary>What the sender's interface sees of a flow through a gateway endpoint (flow-logs.md §2.5): its egress
/// packets carry traffic-path 7 (gateway VPC endpoint, Nitro), the reply arrives from S3 unchanged; nothing else
/// in the VPC sees the flow (the endpoint has no interface).</summary>
public class GatewayEndpointObservationTests
{
    private static string[] Observe(CompiledNetwork net, FlowKey flow, int source)
    {
        var into = new FlowObservations();
        Assert.Equal(net.Decide(in flow, source), net.Observe(in flow, source, into));
        var lines = new string[into.Count];
        for (int i = 0; i < into.Count; i++)
        {
            var o = into[i];
            var path = o.EgressPath == TrafficPath.None ? "-" : ((int)o.EgressPath).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = $"{net.InterfaceAt(o.InterfaceIndex).Id} {(o.Direction == TrafficDirection.Egress ? "out" : "in")} {o.Packet} {(o.Accepted ? "ACCEPT" : "REJECT")} {path}";
        }
        return lines;
    }

    [Fact]
    public void ThroughTheEndpoint_SenderEgressIsTrafficPath7_ReplyIsSeenArriving()
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.PrivateRt]);
        var net = lab.Compile();
        var eni = lab.Private1.Interface;
        var src = net.Network.NetworkInterfaces[eni].PrimaryPrivateIp;
        var s3 = IpAddress.Parse(GatewayEndpointLab.S3);
        Assert.Equal(
        [
            $"{eni} out {src}:40000 -> {s3}:443 tcp ACCEPT 7",
            $"{eni} in {s3}:443 -> {src}:40000 tcp ACCEPT -",
        ], Observe(net, FlowKey.Tcp(src, s3, 443, 40000), net.InterfaceIndexOf(eni)));
    }

    [Fact]
    public void WithoutTheEndpoint_SameFlowGoesThroughTheNatGateway_TrafficPath1()
    {
        // The same request without the endpoint: to the NAT gateway (path 1), which sends it to the internet (8).
        var lab = new GatewayEndpointLab();
        var net = lab.Compile();
        var eni = lab.Private1.Interface;
        var src = net.Network.NetworkInterfaces[eni].PrimaryPrivateIp;
        var lines = Observe(net, FlowKey.Tcp(src, IpAddress.Parse(GatewayEndpointLab.S3), 443, 40000), net.InterfaceIndexOf(eni));
        Assert.EndsWith("ACCEPT 1", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith("ACCEPT 8", StringComparison.Ordinal));
    }

    [Fact]
    public void ThroughTheEndpoint_ReplyDeniedByNetworkAcl_RejectedOnTheSender()
    {
        var lab = new GatewayEndpointLab();
        lab.GatewayEndpoint(tables: [lab.PrivateRt]);
        var acl = lab.B.NetworkAcl("private-acl", lab.Vpc, lab.Private);
        lab.B.AclEntry(acl, 100, egress: true, "-1", "allow", "0.0.0.0/0");
        lab.B.AclEntry(acl, 100, egress: false, "tcp", "deny", "3.5.0.0/19", "1024-65535");
        lab.B.AclEntry(acl, 200, egress: false, "-1", "allow", "0.0.0.0/0");
        var net = lab.Compile();
        var eni = lab.Private1.Interface;
        var src = net.Network.NetworkInterfaces[eni].PrimaryPrivateIp;
        var s3 = IpAddress.Parse(GatewayEndpointLab.S3);
        Assert.Equal(
        [
            $"{eni} out {src}:40000 -> {s3}:443 tcp ACCEPT 7",
            $"{eni} in {s3}:443 -> {src}:40000 tcp REJECT -",
        ], Observe(net, FlowKey.Tcp(src, s3, 443, 40000), net.InterfaceIndexOf(eni)));
    }
}
