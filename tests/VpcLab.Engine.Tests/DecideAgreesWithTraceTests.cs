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

        // Peering: a peer VPC (another account) with an IGW and a NAT gateway behind it, a third VPC peered
        // only with the peer (transitive attempts), a pending peering, and group references across it.
        var peer = s.B.Vpc("peer", "10.1.0.0/16", "2600:1f18:bbbb:b00::/56", owner: new AccountId("222222222222"));
        var peerSubnet = s.B.Subnet("peer-a", peer, "10.1.1.0/24", "2600:1f18:bbbb:b01::/64");
        var peerPublic = s.B.Subnet("peer-public", peer, "10.1.0.0/24");
        var far = s.B.Vpc("far", "10.2.0.0/16");
        var farSubnet = s.B.Subnet("far-a", far, "10.2.1.0/24");
        var pending = s.B.Vpc("pending", "10.3.0.0/16");
        var pendingSubnet = s.B.Subnet("pending-a", pending, "10.3.1.0/24");
        var ab = s.B.Peering("seed-peer", s.Vpc, peer);
        var bc = s.B.Peering("peer-far", peer, far);
        var ad = s.B.Peering("seed-pending", s.Vpc, pending, VpcPeeringConnectionState.PendingAcceptance);
        var peerIgw = s.B.InternetGateway("peer-igw", peer);
        var peerNat = s.B.NatGateway("peer-nat", peerPublic);
        var peerSg = s.B.SecurityGroup("peer-sg", peer);
        s.B.Ingress(peerSg, "tcp", 443, 443, "10.0.0.0/8");
        s.B.Ingress(peerSg, "tcp", 8080, 8080, s.AppSg.Value);
        s.B.Ingress(peerSg, "-1", -1, -1, "2600:1f18:1234:5600::/56");
        s.B.Instance("peer-1", peerSubnet, [peerSg], publicIp: true, ipv6: true);
        s.B.Instance("far-1", farSubnet, [open]);
        s.B.Instance("pending-1", pendingSubnet, [open]);
        foreach (var rt in new[] { s.AppRt, s.DbRt, s.PublicRt })
        {
            s.B.Route(rt, "10.1.0.0/16", ab);
            s.B.Route(rt, "10.2.0.0/16", ab);
            s.B.Route(rt, "10.3.0.0/16", ad);
            s.B.Route(rt, "2600:1f18:bbbb:b00::/56", ab);
        }
        s.B.Route(s.DbRt, "0.0.0.0/0", ab);
        var peerMain = s.B.MainRouteTable(peer);
        s.B.Route(peerMain, "10.0.0.0/16", ab);
        s.B.Route(peerMain, "2600:1f18:1234:5600::/56", ab);
        s.B.Route(peerMain, "10.2.0.0/16", bc);
        s.B.Route(peerMain, "0.0.0.0/0", peerNat);
        var peerPublicRt = s.B.RouteTable("peer-public-rt", peer, peerPublic);
        s.B.Route(peerPublicRt, "0.0.0.0/0", peerIgw);
        s.B.Route(peerPublicRt, "10.0.0.0/16", ab);
        var farMain = s.B.MainRouteTable(far);
        s.B.Route(farMain, "10.1.0.0/16", bc);
        s.B.Route(farMain, "10.0.0.0/16", bc);
        var pendingMain = s.B.MainRouteTable(pending);
        s.B.Route(pendingMain, "10.0.0.0/16", ad);

        // NAT64 (docs/semantics.md#nat64): app-rt sends 64:ff9b::/96 to nat-a.
        s.B.Route(s.AppRt, "64:ff9b::/96", s.NatA);
    });

    // A gateway endpoint for S3 on the app and public tables (the public table also routes 0.0.0.0/0 to the IGW).
    private static readonly CompiledNetwork World = CompiledNetwork.Compile(
        GatewayEndpoints.GatewayEndpointLab.WithS3GatewayEndpoint(Seed.B.Build(), Seed.Vpc, Seed.AppRt, Seed.PublicRt));

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
                     "10.0.99.9", "10.1.99.9", "10.2.99.9", "203.0.113.5", "3.5.0.10", "3.5.64.10", "100.64.1.1", "2001:4860:4860::8888", "fd00:ec2::253", "2600:1f18:1234:5600::99",
                     "64:ff9b::808:808", "64:ff9b::a00:140a", "64:ff9b::a01:10a" })
            list.Add(IpAddress.Parse(text));
        return [.. list.Distinct()];
    }

    private static readonly Gen<(FlowKey Flow, int Source)> Flows =
        Gen.Select(Gen.Int[0, Addresses.Length - 1], Gen.Int[0, Addresses.Length - 1], Gen.Int[-1, World.InterfaceCount - 1],
                // ICMP type × 256 + code: 2048 echo request, 772 fragmentation needed (3/4), 2816 time exceeded (11/0),
                // 512 ICMPv6 packet too big (2/0), 32768 ICMPv6 echo request (128/0); small values are echo replies.
                Gen.OneOf<short>(6, 17, 1, 58, 47), Gen.OneOf<ushort>(22, 53, 80, 443, 5432, 8080, 49152, 0, 2048, 772, 512, 2816, 32768),
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
            var trace = World.Trace(x.Flow, x.Source).AssertWellFormed();
            Assert.Equal(trace.Verdict, decision.Verdict);
            Assert.Equal(trace.Reason, decision.Reason);
            if (decision.Verdict == Verdict.Dropped)
                Assert.Equal(ExplanationCode.For(decision.Reason), trace.Explanations[0].Code);
        }, iter: 5000);

    /// <summary>The flow-log view runs the same walk: same decision; an accepted flow is seen accepted everywhere,
    /// and a rejected observation exists only where a filter (security group or NACL) dropped the packet.</summary>
    [Fact]
    public void Observe_RandomFlows_AgreesWithDecide() =>
        Flows.Sample(x =>
        {
            var into = new FlowObservations(); // Sample runs on several threads
            var decision = World.Decide(x.Flow, x.Source);
            Assert.Equal(decision, World.Observe(x.Flow, x.Source, into));
            int rejects = 0;
            foreach (var o in into.AsSpan())
                rejects += o.Accepted ? 0 : 1;
            bool filtered = decision.Reason is DropReason.SubnetAclRestriction or DropReason.EniSgRulesMismatch or DropReason.SgHasNoRules;
            Assert.True((filtered ? 1 : 0) == rejects, $"{World.Trace(x.Flow, x.Source)} observations {into.Count}");
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
                Assert.Equal(World.Trace(flow, eni).AssertWellFormed().Verdict, World.Decide(flow, eni).Verdict);
            }
        }
    }

    [Fact]
    public void Decide_AfterWarmUp_DoesNotAllocate()
    {
        var flows = new List<(FlowKey, int)>();
        for (int eni = 0; eni < World.InterfaceCount; eni++)
        {
            var source = World.Network.NetworkInterfaces[World.InterfaceIdAt(eni)].PrimaryPrivateIp;
            foreach (var d in Addresses)
            {
                flows.Add((new FlowKey(source, d, IpProtocol.Tcp, 49152, 443), eni));
                flows.Add((FlowKey.Icmp(source, d, 3, 4), eni)); // one-way: no return path, errors pass the groups
            }
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
