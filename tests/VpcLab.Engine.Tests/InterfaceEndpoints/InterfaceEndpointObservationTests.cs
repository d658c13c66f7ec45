using CsCheck;
using VpcLab.Net;
using VpcLab.Engine.Tests.TestWorlds;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>What the interfaces of a flow to an interface endpoint see (flow logs), and the fast path's agreement
/// with traces in a world with endpoints. Lines read "interface direction packet action traffic-path".</summary>
public class InterfaceEndpointObservationTests
{
    private static readonly EndpointWorld World = new();

    private static string[] Observe(EndpointWorld w, FlowKey flow, int source)
    {
        var into = new FlowObservations();
        Assert.Equal(w.Compiled.Decide(in flow, source), w.Compiled.Observe(in flow, source, into));
        var lines = new string[into.Count];
        for (int i = 0; i < into.Count; i++)
        {
            var o = into[i];
            string name = w.Network.NameOf(w.Compiled.InterfaceAt(o.InterfaceIndex).Id.Value);
            if (w.Compiled.InterfaceAt(o.InterfaceIndex).Attachment is { } a)
                name = w.Network.NameOf(a.InstanceId.Value);
            string path = o.EgressPath == TrafficPath.None ? "-" : ((int)o.EgressPath).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = $"{name} {(o.Direction == TrafficDirection.Egress ? "out" : "in")} {o.Packet} {(o.Accepted ? "ACCEPT" : "REJECT")} {path}";
        }
        return lines;
    }

    private static (IpAddress Ip, int Index) Client(EndpointWorld w, string name)
    {
        var instance = w.Network.Instances.Values.Single(i => w.Network.NameOf(i.Id.Value) == name);
        var eni = w.Network.NetworkInterfaces[instance.PrimaryNetworkInterface];
        return (eni.PrimaryPrivateIp, w.Compiled.InterfaceIndexOf(eni.Id));
    }

    // AWS: an endpoint's interface is logged like any interface; the client's traffic to it stays in the VPC
    // (traffic-path 1), and so does the reply.
    [Fact]
    public void Observe_ClientToEndpoint_BothInterfacesRecordRequestAndReply()
    {
        var (client, index) = Client(World, "client-a");
        var endpoint = World.EndpointIp("us-east-1a");
        Assert.Equal(
        [
            $"client-a out {client}:40000 -> {endpoint}:443 tcp ACCEPT 1",
            $"sns-endpoint-us-east-1a in {client}:40000 -> {endpoint}:443 tcp ACCEPT -",
            $"sns-endpoint-us-east-1a out {endpoint}:443 -> {client}:40000 tcp ACCEPT 1",
            $"client-a in {endpoint}:443 -> {client}:40000 tcp ACCEPT -",
        ], Observe(World, FlowKey.Tcp(client, endpoint, 443, 40000), index));
    }

    // AWS: a security group refusal is a REJECT on the interface that refused (the endpoint's).
    [Fact]
    public void Observe_EndpointSecurityGroupRefuses_RejectOnTheEndpointInterface()
    {
        var w = new EndpointWorld(EndpointVariant.EndpointSgOnlyFromAppA);
        var (client, index) = Client(w, "client-b");
        var endpoint = w.EndpointIp("us-east-1b");
        Assert.Equal(
        [
            $"client-b out {client}:40000 -> {endpoint}:443 tcp ACCEPT 1",
            $"sns-endpoint-us-east-1b in {client}:40000 -> {endpoint}:443 tcp REJECT -",
        ], Observe(w, FlowKey.Tcp(client, endpoint, 443, 40000), index));
    }

    // AWS: the service never initiates; nothing leaves the endpoint's interface, so nothing is logged.
    [Fact]
    public void Observe_EndpointInterfaceInitiates_LeavesNoObservation()
    {
        var (client, _) = Client(World, "client-a");
        var eni = World.EndpointInterface("us-east-1a");
        var flow = FlowKey.Tcp(eni.PrimaryPrivateIp, client, 22, 40000);
        Assert.Empty(Observe(World, flow, World.Compiled.InterfaceIndexOf(eni.Id)));
    }

    private static readonly EndpointWorld Mixed = new(EndpointVariant.EndpointSgAllProtocols);

    private static readonly IpAddress[] Addresses =
    [
        .. Mixed.Network.NetworkInterfaces.Values.Select(n => n.PrimaryPrivateIp),
        IpAddress.Parse("52.46.0.10"), IpAddress.Parse("10.0.11.9"), IpAddress.Parse("8.8.8.8"),
    ];

    [Fact]
    public void Decide_RandomFlowsWithEndpoints_AgreesWithTraceAndObserve() =>
        Gen.Select(Gen.Int[0, Addresses.Length - 1], Gen.Int[0, Addresses.Length - 1], Gen.Int[-1, Mixed.Compiled.InterfaceCount - 1],
                Gen.OneOf<short>(6, 17, 1), Gen.OneOf<ushort>(22, 443, 80, 53))
            .Sample((s, d, src, proto, port) =>
            {
                var flow = new FlowKey(Addresses[s], Addresses[d], new IpProtocol(proto), 40000, port);
                var decision = Mixed.Compiled.Decide(flow, src);
                var trace = Mixed.Compiled.Trace(flow, src).AssertWellFormed();
                Assert.Equal(trace.Verdict, decision.Verdict);
                Assert.Equal(trace.Reason, decision.Reason);
                var into = new FlowObservations();
                Assert.Equal(decision, Mixed.Compiled.Observe(flow, src, into));
                // A REJECT exists only where a filter (security group or NACL) dropped the packet.
                int rejects = 0;
                foreach (var o in into.AsSpan())
                    rejects += o.Accepted ? 0 : 1;
                bool filtered = decision.Reason is DropReason.SubnetAclRestriction or DropReason.EniSgRulesMismatch or DropReason.SgHasNoRules;
                Assert.Equal(filtered ? 1 : 0, rejects);
            }, iter: 3000);

    [Fact]
    public void Decide_ToEndpoint_DoesNotAllocate()
    {
        var (client, index) = Client(World, "client-c");
        var flow = FlowKey.Tcp(client, World.EndpointIp("us-east-1a"), 443, 40000);
        var refused = FlowKey.Udp(client, World.EndpointIp("us-east-1b"), 443, 40000);
        World.Compiled.Decide(flow, index);
        World.Compiled.Decide(refused, index);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = true;
        for (int i = 0; i < 100; i++)
            ok &= World.Compiled.Decide(flow, index).IsAccepted & !World.Compiled.Decide(refused, index).IsAccepted;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ok);
    }
}
