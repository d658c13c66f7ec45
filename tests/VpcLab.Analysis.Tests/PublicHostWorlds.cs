using System.Globalization;
using CsCheck;

namespace VpcLab.Analysis.Tests;

/// <summary>Random small worlds for the header-set properties (docs/semantics.md#reach): one public subnet behind an
/// internet gateway with one host, a random route to the gateway, NACL entries and group rules over a small universe
/// of CIDRs, ports and ICMP types and codes. Each property decides every packet of that universe one by one.</summary>
internal static class PublicHostWorlds
{
    public static readonly string[] Cidrs = ["0.0.0.0/0", "203.0.113.0/28", "203.0.113.8/29", "203.0.113.4/30", "203.0.113.6/32"];

    public static readonly Gen<string> Routes = Gen.OneOf("0.0.0.0/0", "203.0.113.0/28", "203.0.113.0/29");

    public static readonly Gen<string> Ports = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 15], Gen.Int[0, 15]).Select((a, b) => string.Create(CultureInfo.InvariantCulture, $"{Math.Min(a, b)}-{Math.Max(a, b)}"))),
        (1, Gen.Const("1024-65535")),
        (1, Gen.Const("all")));

    /// <summary>A NACL entry over the universe; ICMP as entries write it (`8`, `3/4`, `all`).</summary>
    public static Gen<string> AclEntry(Gen<string> icmpTypes) =>
        Gen.Select(Gen.OneOf("tcp", "udp", "icmp", "all"), Ports, Gen.OneOf(Cidrs), Gen.Bool, Gen.OneOf(icmpTypes, Gen.Const("all")))
            .Select((protocol, ports, cidr, allow, icmp) => protocol switch
            {
                "all" => $"protocol: all, cidr: {cidr}, action: {(allow ? "allow" : "deny")}",
                "icmp" => $"protocol: icmp, icmp: \"{icmp}\", cidr: {cidr}, action: {(allow ? "allow" : "deny")}",
                _ => $"protocol: {protocol}, ports: {ports}, cidr: {cidr}, action: {(allow ? "allow" : "deny")}",
            });

    /// <summary>A group rule over the universe; ICMP as rules write it (`8`, `3/4`).</summary>
    public static Gen<string> GroupRule(Gen<string> icmpTypes) =>
        Gen.Select(Gen.OneOf("tcp", "udp", "icmp", "all"), Ports, Gen.OneOf(Cidrs), icmpTypes)
            .Select((protocol, ports, cidr, icmp) => protocol switch
            {
                "all" => $"{{ protocol: all, source: {cidr} }}",
                "icmp" => $"{{ protocol: icmp, ports: \"{icmp}\", source: {cidr} }}",
                _ => $"{{ protocol: {protocol}, ports: {ports}, source: {cidr} }}",
            });

    /// <summary>The world as scenario YAML. Without <paramref name="egress"/> the group keeps its default egress rule.</summary>
    public static string World(string[] inbound, string[] outbound, string[] ingress, string[]? egress, string route) => $"""
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
        {(egress is null ? "" : $"        egress: [{string.Join(", ", egress.Select(r => r.Replace("source:", "destination:", StringComparison.Ordinal)).Distinct())}]\n")}    instances:
              - {"{"} name: host, subnet: public, security-groups: [sg] {"}"}
        """;
}
