using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.LoadBalancing;

/// <summary>Flows through a Network Load Balancer (<see cref="NlbWorld"/>): client → node (its NACL, its security groups
/// if any, a listener) → target (its NACL and groups) and back through the node. AWS pages:
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation
/// (what source a target sees), https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html
/// (a node sends to healthy targets of its zone, all enabled zones with cross-zone; fail open when none is healthy),
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html; the codes are
/// Reachability Analyzer's (spec/reachability.md).</summary>
public sealed class NetworkLoadBalancerTraceTests
{
    private static readonly IpAddress InternetClient = IpAddress.Parse("198.51.100.7");

    public static TheoryData<string, NlbVariant, string, string, string, int, string?, string?> Rows => new()
    {
        // rule, variant, from (client|internet), node zone, protocol, port, drop code (null: accepted), source the target sees
        { "instance targets keep the client's address", NlbVariant.None, "client", "us-east-1a", "tcp", 80, null, "client" },
        { "ip targets over TCP see the node's address", NlbVariant.IpTarget, "client", "us-east-1a", "tcp", 80, null, "node" },
        { "cross-zone off: node B has no target in its zone", NlbVariant.None, "client", "us-east-1b", "tcp", 80, "ELBV2_NO_TARGETS_IN_AZ", null },
        { "cross-zone on: node B sends to zone A", NlbVariant.CrossZone, "client", "us-east-1b", "tcp", 80, null, "client" },
        { "no listener on the port", NlbVariant.None, "client", "us-east-1a", "tcp", 81, "ELBV2_LISTENERS_MISMATCH", null },
        { "a TCP listener takes no UDP", NlbVariant.None, "client", "us-east-1a", "udp", 80, "ELBV2_LISTENERS_MISMATCH", null },
        { "empty target group", NlbVariant.NoTargets, "client", "us-east-1a", "tcp", 80, "ELBV2_LISTENER_HAS_NO_TG", null },
        { "the load balancer's group refuses the port", NlbVariant.NlbSgOnly443, "client", "us-east-1a", "tcp", 80, "ENI_SG_RULES_MISMATCH", null },
        { "preserved internet client refused by the target's group", NlbVariant.None, "internet", "us-east-1a", "tcp", 80, "ENI_SG_RULES_MISMATCH", null },
        { "preserved internet client admitted by the target's group", NlbVariant.TargetOpenToInternet, "internet", "us-east-1a", "tcp", 80, null, "internet" },
        { "ip target: the internet client arrives from the node", NlbVariant.IpTarget, "internet", "us-east-1a", "tcp", 80, null, "node" },
        { "all unhealthy: fail open, the client's own address passes the NACL", NlbVariant.NaclDeniesNodes, "client", "us-east-1a", "tcp", 80, null, "client" },
        { "all unhealthy: fail open, the node's address is denied by the NACL", NlbVariant.NaclDeniesNodes | NlbVariant.IpTarget, "client", "us-east-1a", "tcp", 80, "SUBNET_ACL_RESTRICTION", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void FlowToNlb_Variant_VerdictCodeAndSourceSeenByTarget(string rule, NlbVariant variant, string from, string zone, string protocol,
        int port, string? code, string? seenSource)
    {
        var world = new NlbWorld(variant);
        var node = world.Node(zone);
        bool internet = from == "internet";
        var source = internet ? InternetClient : world.AddressOf(world.Client);
        var destination = internet ? node.PublicIp!.Value : node.PrivateIpv4;
        var flow = protocol == "tcp" ? FlowKey.Tcp(source, destination, (ushort)port) : FlowKey.Udp(source, destination, (ushort)port);
        int sender = internet ? -1 : world.InterfaceOf(world.Client);

        var trace = world.Compiled.Trace(in flow, sender).AssertWellFormed();
        var decision = world.Compiled.Decide(in flow, sender);

        Assert.Equal(decision.Verdict, trace.Verdict);
        Assert.Equal(decision.Reason, trace.Reason);
        if (code is null)
        {
            Assert.True(trace.Verdict == Verdict.Accepted, $"{rule}: {trace.Reason}");
            var atTarget = trace.Forward.Last(h => h.Component.Id == world.Web.PrimaryNetworkInterface.Value);
            var expected = seenSource switch { "client" => source, "internet" => InternetClient, _ => node.PrivateIpv4 };
            Assert.Equal(expected, atTarget.OutboundHeader.Source);
            Assert.Equal(world.AddressOf(world.Web), atTarget.OutboundHeader.Destination);
            Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.LoadBalancer && h.Component.Name == "web");
            // The reply comes back through the node, from the address and port the client used.
            Assert.Equal(destination, trace.Return[^1].OutboundHeader.Source);
            Assert.Equal(source, trace.Return[^1].OutboundHeader.Destination);
        }
        else
        {
            Assert.True(trace.Verdict == Verdict.Dropped, rule);
            Assert.Equal(code, ExplanationCode.For(trace.Reason).Value);
        }
    }

    [Fact] // Decide is the fast path: no allocation for a flow through a load balancer either.
    public void Decide_FlowThroughNlb_AllocatesNothing()
    {
        var world = new NlbWorld(NlbVariant.IpTarget);
        var flow = FlowKey.Tcp(world.AddressOf(world.Client), world.Node("us-east-1a").PrivateIpv4, 80);
        int sender = world.InterfaceOf(world.Client);
        Assert.True(world.Compiled.Decide(in flow, sender).IsAccepted);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
            _ = world.Compiled.Decide(in flow, sender);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory] // AWS: health checks come from the nodes; a NACL denying the nodes' subnets makes the target unhealthy.
    [InlineData(NlbVariant.None, true)]
    [InlineData(NlbVariant.NaclDeniesNodes, false)]
    public void HealthCheckProbe_NaclOnTargetSubnet_HealthyOrNot(NlbVariant variant, bool healthy)
    {
        var world = new NlbWorld(variant);
        var network = world.Compiled.Network;
        var group = network.TargetGroups.Values.Single();
        var target = group.Targets.Single();
        Assert.Equal(healthy, HealthCheckProbe.Passes(world.Compiled, world.Nlb, group, target, group.HealthCheck.PortFor(target)));
    }
}
