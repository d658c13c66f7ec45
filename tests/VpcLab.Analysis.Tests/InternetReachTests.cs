using System.Globalization;
using CsCheck;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests;

/// <summary>"What does the internet reach", computed over header sets (docs/semantics.md#reach), equals brute force:
/// random small worlds (a public subnet behind an internet gateway, random routes, NACL entries and group rules over a
/// small universe of CIDRs and ports), every packet of that universe decided one by one.</summary>
public sealed class InternetReachTests
{
    private static readonly string[] Cidrs = ["0.0.0.0/0", "203.0.113.0/28", "203.0.113.8/29", "203.0.113.4/30", "203.0.113.6/32"];

    private static readonly Gen<string> Ports = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 15], Gen.Int[0, 15]).Select((a, b) => string.Create(CultureInfo.InvariantCulture, $"{Math.Min(a, b)}-{Math.Max(a, b)}"))),
        (1, Gen.Const("1024-65535")),
        (1, Gen.Const("all")));

    private static readonly Gen<string> AclEntry =
        Gen.Select(Gen.OneOf("tcp", "udp", "all"), Ports, Gen.OneOf(Cidrs), Gen.Bool)
            .Select((protocol, ports, cidr, allow) => protocol == "all"
                ? $"protocol: all, cidr: {cidr}, action: {(allow ? "allow" : "deny")}"
                : $"protocol: {protocol}, ports: {ports}, cidr: {cidr}, action: {(allow ? "allow" : "deny")}");

    private static readonly Gen<string> GroupRule =
        Gen.Select(Gen.OneOf("tcp", "udp", "all"), Ports, Gen.OneOf(Cidrs))
            .Select((protocol, ports, cidr) => protocol == "all"
                ? $"{{ protocol: all, source: {cidr} }}"
                : $"{{ protocol: {protocol}, ports: {ports}, source: {cidr} }}");

    private static readonly Gen<string> Worlds =
        Gen.Select(AclEntry.Array[0, 4], AclEntry.Array[0, 4], GroupRule.Array[0, 3], Gen.OneOf("0.0.0.0/0", "203.0.113.0/28", "203.0.113.0/29"))
            .Select(World);

    private static string World(string[] inbound, string[] outbound, string[] ingress, string route) => $"""
        name: random
        region: us-east-1
        vpcs:
          - name: vpc
            cidr: 10.0.0.0/16
            internet-gateway: igw
            subnets:
              - {"{"} name: public, az: us-east-1a, cidr: 10.0.1.0/24, map-public-ip-on-launch: true {"}"}
            route-tables:
              - name: rt
                subnets: [public]
                routes:
                  - {"{"} destination: {route}, target: igw {"}"}
            network-acls:
              - name: acl
                subnets: [public]
                inbound: [{string.Join(", ", inbound.Select((e, i) => $"{{ rule: {(i + 1) * 10}, {e} }}"))}]
                outbound: [{string.Join(", ", outbound.Select((e, i) => $"{{ rule: {(i + 1) * 10}, {e} }}"))}]
            security-groups:
              - name: sg
                description: sg
                ingress: [{string.Join(", ", ingress.Distinct())}]
            instances:
              - {"{"} name: host, subnet: public, security-groups: [sg] {"}"}
        """;

    private static readonly IpAddress[] Sources =
        [.. Enumerable.Range(0, 16).Select(i => IpAddress.Parse($"203.0.113.{i}")), IpAddress.Parse("198.51.100.7")];

    private static readonly ushort[] SourcePorts = [.. Enumerable.Range(0, 18).Select(p => (ushort)p), 1024, 40000];

    [Fact]
    public void Compute_RandomSmallWorlds_EqualsBruteForce() =>
        Worlds.Sample(yaml =>
        {
            var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
            var compiled = CompiledNetwork.Compile(network);
            var eni = Assert.Single(network.NetworkInterfaces.Values);
            var address = network.PublicIpFor(eni, eni.PrivateIpAddresses[0])!.Value;
            var exposures = InternetReach.Compute(network);
            foreach (var protocol in InternetReach.Protocols)
            {
                var computed = exposures.SingleOrDefault(x => x.Protocol == protocol)?.Ports ?? [];
                for (ushort port = 0; port < 18; port++)
                {
                    bool brute = Sources.Any(s => SourcePorts.Any(sp => compiled.Decide(new FlowKey(s, address, protocol, sp, port), -1).IsAccepted));
                    Assert.True(brute == computed.Any(r => r.Contains(port)), $"{protocol.Name} port {port}: brute force {brute}\n{yaml}");
                }
            }
        }, iter: 60);

    // The imported fixture: web takes HTTPS from anywhere (IPv4 and IPv6) and SSH from the office prefix list (IPv4);
    // app has only an egress-only gateway for IPv6 and no public IPv4: the internet reaches nothing of it.
    [Fact]
    public void Compute_ImportedAccount_WebOnHttpsAndOfficeSsh()
    {
        var network = Import.WorldImporter.Import(Path.Combine(AppContext.BaseDirectory, "ImportFixtures", "two-accounts")).ControlPlane().Network;
        var exposures = InternetReach.Compute(network);
        var web = new NetworkInterfaceId("eni-0a1b2c3d4e5f60041");
        Assert.Equal(
            [("3.80.10.20", "tcp", "22-22,443-443"), ("2600:1f18:1234:ab01::10", "tcp", "443-443")],
            exposures.Select(x => (x.Address.ToString(), x.Protocol.Name, string.Join(',', x.Ports.Select(p => $"{p.From}-{p.To}")))));
        Assert.All(exposures, x => Assert.Equal(web, x.Interface));
        Assert.Equal(IpAddress.Parse("203.0.113.0"), exposures[0].Example.Source); // SSH only from the office list
    }
}
