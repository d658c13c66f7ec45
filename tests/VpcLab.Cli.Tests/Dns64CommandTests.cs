using System.Text.Json;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab resolve</c> and <c>vpclab trace</c> with DNS64 and NAT64 (VPC User Guide, "DNS64 and NAT64",
/// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html; docs/semantics.md#dns64): the
/// page's walkthrough, with an IPv4-only server in a third subnet.</summary>
public class Dns64CommandTests
{
    private const string Yaml = """
        name: nat64
        region: us-east-1
        vpcs:
          - name: v
            cidr: 10.0.0.0/16
            ipv6: true
            internet-gateway: igw
            egress-only-internet-gateway: eigw
            subnets:
              - { name: public, az: us-east-1a, cidr: 10.0.0.0/24, ipv6-index: 0 }
              - { name: app, az: us-east-1a, cidr: 10.0.1.0/24, ipv6-index: 1, enable-dns64: true }
              - { name: legacy, az: us-east-1a, cidr: 10.0.2.0/24 }
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
            security-groups:
              - name: app-sg
                description: app
                egress:
                  - { protocol: all, destination: "::/0" }
              - name: legacy-sg
                description: legacy
                ingress:
                  - { protocol: tcp, ports: 443, source: 10.0.0.0/16 }
            instances:
              - { name: app-1, subnet: app, security-groups: [app-sg], ipv6: true }
              - { name: legacy-1, subnet: legacy, security-groups: [legacy-sg] }
        """;

    private static readonly Lazy<(string Path, string LegacyIp)> Scenario = new(() =>
    {
        var path = CliRun.TempScenario(Yaml);
        var network = ScenarioLoader.LoadFile(path).Network;
        var legacy = network.Instances.Values.Single(i => network.TagsOf(i.Id.Value).Name == "legacy-1");
        return (path, network.NetworkInterfaces[legacy.PrimaryNetworkInterface].PrimaryPrivateIp.ToString());
    });

    private static string LegacyName => $"ip-{Scenario.Value.LegacyIp.Replace('.', '-')}.ec2.internal";

    private static string Synthesised => Net.Nat64Address.Embed(Net.IpAddress.Parse(Scenario.Value.LegacyIp)).ToString();

    // AWS: DNS64 is a subnet attribute: asked from the app subnet the IPv4-only name also gets 64:ff9b::/96 + its A
    // record; asked from the VPC (no subnet) or the legacy subnet, only the A record.
    [Theory]
    [InlineData("app", true)]
    [InlineData("legacy", false)]
    [InlineData("v", false)]
    public void Resolve_FromSubnetWithDns64_SynthesisesTheAaaa(string from, bool synthesised)
    {
        var run = CliRun.Of("resolve", "-s", Scenario.Value.Path, "--vpc", from, LegacyName, "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        var addresses = JsonDocument.Parse(run.Out).RootElement.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(synthesised ? [Scenario.Value.LegacyIp, Synthesised] : [Scenario.Value.LegacyIp], addresses);
    }

    // AWS: the IPv6 workload sends to the synthesised address and the route takes it to the NAT gateway (NAT64),
    // which reaches the IPv4-only server from its private address.
    [Fact]
    public void Trace_FromIpv6InstanceToIpv4OnlyName_GoesThroughNat64()
    {
        var run = CliRun.Of("trace", "-s", Scenario.Value.Path, "--from", "app-1", "--to", LegacyName, "--port", "443", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(Synthesised, json.GetProperty("flow").GetProperty("destination").GetString());
        var kinds = json.GetProperty("forward").EnumerateArray().Select(h => h.GetProperty("component").GetProperty("kind").GetString()).ToList();
        Assert.Contains("nat-gateway", kinds);
    }
}
