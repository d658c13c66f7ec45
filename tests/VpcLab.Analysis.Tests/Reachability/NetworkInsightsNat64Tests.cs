using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests.Reachability;

/// <summary>Reachability Analyzer in a NAT64 world (docs/semantics.md#nat64-reachability). RA is IPv4 only
/// (spec/reachability.md §1.1): a 64:ff9b::/96 address is refused like any IPv6 address, and a path from a dual-stack
/// instance to an IPv4 destination is analysed on IPv4, so it agrees with the engine's IPv4 trace of the same flow
/// and not with the NAT64 (IPv6) trace, which only `vpclab trace` answers.</summary>
public sealed class NetworkInsightsNat64Tests
{
    private const string Yaml = """
        vpcs:
          - name: v
            cidr: 10.0.0.0/16
            ipv6: true
            internet-gateway: igw
            egress-only-internet-gateway: eigw
            subnets:
              - { name: public, az: us-east-1a, cidr: 10.0.0.0/24, ipv6-index: 0 }
              - { name: app, az: us-east-1a, cidr: 10.0.1.0/24, ipv6-index: 1, enable-dns64: true }
            nat-gateways:
              - { name: nat, subnet: public }
            route-tables:
              - name: public-rt
                subnets: [public]
                routes:
                  - { destination: 0.0.0.0/0, target: igw }
              - name: app-rt
                subnets: [app]
                routes:
                  - { destination: "64:ff9b::/96", target: nat }
                  - { destination: "::/0", target: eigw }
        ${IPV4_ROUTE}
            security-groups:
              - name: app-sg
                egress:
                  - { protocol: all, destination: 0.0.0.0/0 }
                  - { protocol: all, destination: "::/0" }
            instances:
              - { name: app-1, subnet: app, security-groups: [app-sg], ipv6: true }
        """;

    private static (NetworkInsights Insights, LoadedScenario Scenario) Load(bool ipv4Route)
    {
        var yaml = Yaml.Replace("${IPV4_ROUTE}", ipv4Route ? "          - { destination: 0.0.0.0/0, target: nat }" : "", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "nat64.yaml"), "nat64.yaml");
        return (new NetworkInsights(loaded.ControlPlane), loaded);
    }

    // spec/reachability.md §1.1: RA accepts IPv4 addresses only; the NAT64 prefix is no exception.
    [Theory]
    [InlineData("""{"Source":"{app}","DestinationIp":"64:ff9b::808:808","Protocol":"tcp","DestinationPort":443}""")]
    [InlineData("""{"Source":"{app}","Protocol":"tcp","FilterAtSource":{"DestinationAddress":"64:ff9b::808:808"}}""")]
    public void CreatePath_Nat64Address_InvalidParameterValue(string json)
    {
        var (insights, scenario) = Load(ipv4Route: true);
        var request = InsightsLab.Request<CreateNetworkInsightsPathRequest>(json.Replace("{app}", scenario.IdOf("app-1"), StringComparison.Ordinal));
        Assert.Equal("InvalidParameterValue", InsightsLab.CodeOf(() => insights.CreatePath(RequestContext.Default, request)));
    }

    // RA analyses the IPv4 flow: with an IPv4 route to the NAT gateway it is found (through the NAT gateway and the
    // internet gateway), without one it is NO_ROUTE_TO_DESTINATION — even though the instance reaches 8.8.8.8 over
    // NAT64 at 64:ff9b::808:808 in both worlds. Each answer equals the engine's trace of the same IPv4 flow.
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Analysis_ToIpv4Destination_AgreesWithTheIpv4TraceNotTheNat64One(bool ipv4Route, bool found)
    {
        var (insights, scenario) = Load(ipv4Route);
        var app = scenario.IdOf("app-1");
        var request = InsightsLab.Request<CreateNetworkInsightsPathRequest>(
            $$"""{"Source":"{{app}}","DestinationIp":"8.8.8.8","Protocol":"tcp","DestinationPort":443}""");
        var path = insights.CreatePath(RequestContext.Default, request);
        var analysis = insights.StartAnalysis(RequestContext.Default, new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path.Id });
        Assert.Equal(found, analysis.NetworkPathFound);

        var compiled = CompiledNetwork.Compile(scenario.ControlPlane.Network);
        var source = TraceEndpoint.Instance(new InstanceId(app));
        var ipv4 = compiled.Trace(TraceRequest.Tcp(source, TraceEndpoint.ForAddress(IpAddress.Parse("8.8.8.8")), 443));
        Assert.Equal(ipv4.Verdict == Verdict.Accepted, analysis.NetworkPathFound);
        Assert.Equal(ipv4.Forward.Select(h => h.Component.Id), analysis.Outcome.Forward.Select(h => h.Component.Id));
        if (!found)
            Assert.Contains(analysis.Outcome.Explanations, e => e.Code == ExplanationCode.NoRouteToDestination);

        var nat64 = compiled.Trace(TraceRequest.Tcp(source, TraceEndpoint.ForAddress(IpAddress.Parse("64:ff9b::808:808")), 443));
        Assert.Equal(Verdict.Accepted, nat64.Verdict);
    }
}
