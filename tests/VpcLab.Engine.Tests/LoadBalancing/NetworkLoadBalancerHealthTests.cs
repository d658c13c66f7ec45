using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.LoadBalancing;

/// <summary>Which target a Network Load Balancer node sends to when targets fail their health checks, or none is
/// registered (docs/semantics.md#nlb-data-plane), from
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html: "each load balancer
/// node routes requests only to the healthy targets in its Availability Zone" (all enabled zones with cross-zone); "If
/// there is no healthy target in an enabled Availability Zone ... we remove the IP address for the corresponding subnet
/// from DNS"; "If all targets fail health checks at the same time in all enabled Availability Zones, the load balancer
/// fails open ... traffic to all targets in all enabled Availability Zones, regardless of their health status"; an empty
/// target group fails open onto nothing. Drops carry Reachability Analyzer's codes (spec/reachability.md).</summary>
public sealed class NetworkLoadBalancerHealthTests
{
    public static TheoryData<string, NlbVariant, string, string?, string?> Rows => new()
    {
        // rule, variant, node zone, drop code (null: accepted), the target reached (web | web-b)
        { "all targets healthy: node B keeps to its own zone's target", NlbVariant.SecondTargetInB, "us-east-1b", null, "web-b" },
        { "all targets unhealthy, cross-zone off: fail open to every enabled zone's targets", NlbVariant.NaclDeniesNodes, "us-east-1b", null, "web" },
        { "its zone's target unhealthy, another zone's healthy, cross-zone off: no fail open", NlbVariant.NaclDeniesNodes | NlbVariant.SecondTargetInB, "us-east-1a", "ELBV2_NO_TARGETS_IN_AZ", null },
        { "its zone's target unhealthy, cross-zone on: the healthy target in the other zone", NlbVariant.NaclDeniesNodes | NlbVariant.SecondTargetInB | NlbVariant.CrossZone, "us-east-1a", null, "web-b" },
        { "no target registered: nothing to fail open onto", NlbVariant.NoTargets, "us-east-1a", "ELBV2_LISTENER_HAS_NO_TG", null },
        { "no target registered, cross-zone on", NlbVariant.NoTargets | NlbVariant.CrossZone, "us-east-1b", "ELBV2_LISTENER_HAS_NO_TG", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void FlowToNlbNode_TargetHealth_TargetReachedOrCode(string rule, NlbVariant variant, string zone, string? code, string? reached)
    {
        var world = new NlbWorld(variant);
        var flow = FlowKey.Tcp(world.AddressOf(world.Client), world.Node(zone).PrivateIpv4, 80);
        int sender = world.InterfaceOf(world.Client);

        var trace = world.Compiled.Trace(in flow, sender).AssertWellFormed();
        var decision = world.Compiled.Decide(in flow, sender);

        Assert.Equal(decision.Verdict, trace.Verdict);
        Assert.Equal(decision.Reason, trace.Reason);
        if (code is not null)
        {
            Assert.True(trace.Verdict == Verdict.Dropped, rule);
            Assert.Equal(code, ExplanationCode.For(trace.Reason).Value);
            Assert.Equal(ComponentKind.LoadBalancer, trace.Forward[^1].Component.Kind);
            return;
        }
        Assert.True(trace.Verdict == Verdict.Accepted, $"{rule}: {trace.Reason}");
        var target = reached == "web-b" ? world.WebB! : world.Web;
        var atTarget = trace.Forward.Last(h => h.Component.Id == target.PrimaryNetworkInterface.Value);
        Assert.Equal(world.AddressOf(target), atTarget.OutboundHeader.Destination);
    }
}
