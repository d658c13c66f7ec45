using CsCheck;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>The fast path and the explaining trace must agree on every verdict (and reason).</summary>
public class DecideAgreesWithTraceTests
{
    private static readonly SeedWorld Seed = new(s =>
    {
        // A few extra shapes so random flows meet every component: a middlebox, a private NAT, an EIP,
        // a blackhole, a prefix-list route and an ICMP-aware NACL.
        var open = s.B.SecurityGroup("open", s.Vpc);
        s.B.Ingress(open, "-1", -1, -1, "0.0.0.0/0");
        s.B.Ingress(open, "-1", -1, -1, "::/0");
        var (_, box) = s.B.Instance("box", s.PublicB, [open], sourceDestCheck: false);
        s.B.Route(s.DbRt, "10.0.10.0/24", box);
        s.B.ElasticIp(s.Web2.Interface);
        var dead = s.B.NatGateway("dead", s.PublicB);
        s.B.Route(s.DbRt, "8.8.0.0/16", dead);
        s.B.SetNatGatewayState(dead, NatGatewayState.Deleted);
        var pl = s.B.PrefixList("pl", "52.216.0.0/15");
        s.B.Route(s.DbRt, pl.Value, RouteTargetKind.NatGateway, s.NatA.Value);
        s.B.AclEntry(s.DbAcl, 90, egress: false, "icmp", "allow", "0.0.0.0/0", "8:-1");
        s.B.AclEntry(s.DbAcl, 80, egress: true, "udp", "deny", "10.0.0.0/8", "53");
        var stray = s.B.Subnet("stray", s.Vpc, "10.0.30.0/24");
        s.B.Instance("stray-1", stray, [open], publicIp: true);
    });

    private static readonly CompiledNetwork World = Seed.Compile();

    private static readonly IpAddress[] Addresses = BuildAddresses();

    private static IpAddress[] BuildAddresses()
    {
        var network = Seed.B.Build();
        var list = new List<IpAddress>();
        foreach (var n in network.NetworkInterfaces.Values)
        {
            list.AddRange(n.PrivateIpAddresses.Select(p => p.Address));
            list.AddRange(n.PrivateIpAddresses.Where(p => p.AutoAssignedPublicIp is not null).Select(p => p.AutoAssignedPublicIp!.Value));
            list.AddRange(n.Ipv6Addresses);
        }
        list.AddRange(network.ElasticIps.Values.Select(e => e.PublicIp));
        foreach (var text in new[] { "8.8.8.8", "52.217.1.1", "8.8.4.4", "192.168.1.1", "10.0.0.2", "169.254.169.254",
                     "10.0.99.9", "203.0.113.5", "100.64.1.1", "2001:4860:4860::8888", "fd00:ec2::253", "2600:1f18:1234:5600::99" })
            list.Add(IpAddress.Parse(text));
        return [.. list.Distinct()];
    }

    private static readonly Gen<(FlowKey Flow, int Source)> Flows =
        Gen.Select(Gen.Int[0, Addresses.Length - 1], Gen.Int[0, Addresses.Length - 1], Gen.Int[-1, World.InterfaceCount - 1],
                Gen.OneOf<short>(6, 17, 1, 58, 47), Gen.OneOf<ushort>(22, 53, 80, 443, 5432, 8080, 49152, 0, 2048),
                Gen.OneOf<ushort>(49152, 80, 1000, 0))
            .Select((s, d, src, proto, dport, sport) =>
            {
                var source = Addresses[s];
                var destination = Addresses[d];
                return (new FlowKey(source, destination, new IpProtocol(proto), sport, dport), src);
            });

    [Fact]
    public void Decide_RandomFlows_AgreesWithTrace() =>
        Flows.Sample(x =>
        {
            var decision = World.Decide(x.Flow, x.Source);
            var trace = World.Trace(x.Flow, x.Source);
            Assert.Equal(trace.Verdict, decision.Verdict);
            Assert.Equal(trace.Reason, decision.Reason);
            if (decision.Verdict == Verdict.Dropped)
                Assert.Equal(ExplanationCode.For(decision.Reason), trace.Explanations[0].Code);
        }, iter: 5000);

    /// <summary>Sources resolved the way users name them: every interface sending to every address.</summary>
    [Fact]
    public void Decide_FromEachInterface_AgreesWithTrace()
    {
        for (int eni = 0; eni < World.InterfaceCount; eni++)
        {
            foreach (var destination in Addresses)
            {
                var model = World.Network.NetworkInterfaces[World.InterfaceIdAt(eni)];
                var source = destination.IsV6 && !model.Ipv6Addresses.IsEmpty ? model.Ipv6Addresses[0] : model.PrimaryPrivateIp;
                var flow = FlowKey.Tcp(source, destination, 443);
                Assert.Equal(World.Trace(flow, eni).Verdict, World.Decide(flow, eni).Verdict);
            }
        }
    }

    [Fact]
    public void Decide_DoesNotAllocate()
    {
        var flows = new List<(FlowKey, int)>();
        for (int eni = 0; eni < World.InterfaceCount; eni++)
        {
            foreach (var d in Addresses)
                flows.Add((new FlowKey(World.Network.NetworkInterfaces[World.InterfaceIdAt(eni)].PrimaryPrivateIp, d, IpProtocol.Tcp, 49152, 443), eni));
        }
        foreach (var (f, s) in flows)
            World.Decide(f, s); // warm up (JIT, tiering)
        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = 0;
        for (int i = 0; i < 10; i++)
        {
            foreach (var (f, s) in flows)
                accepted += World.Decide(f, s).IsAccepted ? 1 : 0;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(accepted > 0);
    }
}
