using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.Scenarios;

/// <summary>scenarios/nat64-dns64.yaml: AWS's "DNS64 and NAT64" walkthrough
/// (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html). The app subnet has DNS64 on and
/// routes only 64:ff9b::/96 (to nat-a) and ::/0 (to the egress-only gateway): no IPv4 route.</summary>
public sealed class Nat64ScenarioTests
{
    // Rows: AWS rule → expected verdict and whether the NAT gateway translated.
    [Theory]
    [InlineData("ip-10-0-2-10.ec2.internal", "ACCEPT", true)]      // DNS64 name of an IPv4-only instance → NAT64
    [InlineData("64:ff9b::203.0.113.80", "ACCEPT", true)]          // NAT64 to the internet via the NAT's Elastic IP
    [InlineData("10.0.2.10", "ACCEPT", false)]                     // IPv4 inside the VPC: the local route
    [InlineData("203.0.113.80", "NO_ROUTE_TO_DESTINATION", false)] // IPv4 to the internet: app-rt has no IPv4 route
    [InlineData("2001:db8::80", "ACCEPT", false)]                  // native IPv6 through the egress-only gateway
    public void App1_ToEachKindOfDestination_TheWalkthroughsPaths(string to, string expected, bool viaNat)
    {
        var scenario = ScenarioTrace.Of("nat64-dns64");
        var resolver = new EndpointResolver(scenario.Loaded.Network);
        var source = resolver.Resolve("app-1");
        var request = TraceRequest.Tcp(source, resolver.Resolve(to, source), 443);
        var trace = scenario.Compiled.Trace(request, resolver.Resolutions).AssertWellFormed();
        trace.AssertVerdict(expected);
        Assert.Equal(viaNat, trace.Forward.Any(h => h.Component.Kind == ComponentKind.NatGateway && h.Action == HopAction.Translated));
        var resolved = scenario.Compiled.Resolve(request);
        Assert.Equal(trace.Verdict, scenario.Compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex).Verdict);
        if (to.EndsWith(".internal", StringComparison.Ordinal))
            Assert.Equal(IpAddress.Parse("64:ff9b::a00:20a"), trace.Flow.Destination);
    }
}
