using System.Globalization;
using CsCheck;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests;

/// <summary>All-pairs reachability by equivalence classes (docs/semantics.md#reach-classes): deciding one pair of
/// representatives per (source class, destination class, traffic) gives, for every member pair, the answer of
/// <see cref="FlowSpace"/> pair by pair and of the per-flow Decide loop. Random small worlds: two peered VPCs, a
/// public and a private subnet, random NACL entries and group rules over addresses that split subnets (a /31, a /32),
/// group references, public IPv4 and IPv6 addresses on some instances.</summary>
public sealed class AllPairsReachTests
{
    private static readonly string[] Cidrs = ["0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24", "10.0.1.4/31", "10.0.1.6/32", "10.0.2.4/30", "10.1.0.0/16"];

    private static readonly Gen<string> Ports = Gen.OneOf("20-25", "22", "23-24", "25", "1024-65535", "all");

    private static readonly Gen<string> AclEntry =
        Gen.Select(Gen.OneOf("tcp", "udp", "all"), Ports, Gen.OneOf(Cidrs), Gen.Bool)
            .Select((protocol, ports, cidr, allow) => protocol == "all"
                ? $"protocol: all, cidr: {cidr}, action: {(allow ? "allow" : "deny")}"
                : $"protocol: {protocol}, ports: {ports}, cidr: {cidr}, action: {(allow ? "allow" : "deny")}");

    private static readonly Gen<string> GroupRule =
        Gen.Select(Gen.OneOf("tcp", "udp", "icmp", "all"), Ports, Gen.OneOf(Gen.OneOf(Cidrs), Gen.OneOf("g1", "g2", "g3")))
            .Select((protocol, ports, source) => protocol switch
            {
                "all" => $"{{ protocol: all, source: {source} }}",
                "icmp" => $"{{ protocol: icmp, ports: \"8\", source: {source} }}",
                _ => $"{{ protocol: {protocol}, ports: {ports}, source: {source} }}",
            });

    private static readonly Gen<string> Instance =
        Gen.Select(Gen.Bool, Gen.OneOf("[g1]", "[g2]", "[g1, g2]", "[g3]"), Gen.Bool, Gen.Bool)
            .Select((isPublic, groups, publicIp, ipv6) =>
                $"subnet: {(isPublic ? "a-pub" : "a-priv")}, security-groups: {groups}, public-ip: {(publicIp ? "true" : "false")}, ipv6: {(ipv6 ? "true" : "false")}");

    private static readonly Gen<string> Worlds =
        Gen.Select(AclEntry.Array[0, 3], AclEntry.Array[0, 3], GroupRule.Array[0, 3], GroupRule.Array[0, 3], Instance.Array[3, 6], Gen.Bool)
            .Select(World);

    private static readonly TrafficClass[] Traffic =
    [
        new(IpProtocol.Tcp, PortRange.Single(22)), new(IpProtocol.Tcp, new PortRange(20, 25)), new(IpProtocol.Udp, PortRange.All),
        new(IpProtocol.Icmp, new PortRange(8 * 256, 8 * 256 + 255)), new(IpProtocol.Icmpv6, new PortRange(128 * 256, 128 * 256 + 255)),
    ];

    private static readonly ushort[] SourcePorts = [0, 20, 22, 23, 24, 25, 26, 1024, 40000, 49152, 65535];

    private static string World(string[] inbound, string[] outbound, string[] g1, string[] g2, string[] instances, bool wholeVpcRoute) => $"""
        name: random-pairs
        region: us-east-1
        vpcs:
          - name: vpc-a
            cidr: 10.0.0.0/16
            ipv6: true
            internet-gateway: igw
            subnets:
              - {"{"} name: a-pub, az: us-east-1a, cidr: 10.0.1.0/24, ipv6-index: 0, map-public-ip-on-launch: true {"}"}
              - {"{"} name: a-priv, az: us-east-1a, cidr: 10.0.2.0/24, ipv6-index: 1 {"}"}
            route-tables:
              - name: pub-rt
                subnets: [a-pub]
                routes:
                  - {"{"} destination: 0.0.0.0/0, target: igw {"}"}
                  - {"{"} destination: "::/0", target: igw {"}"}
                  - {"{"} destination: 10.1.0.0/16, target: a-b {"}"}
              - name: priv-rt
                subnets: [a-priv]
                routes:
                  - {"{"} destination: 10.1.0.0/16, target: a-b {"}"}
            network-acls:
              - name: priv-acl
                subnets: [a-priv]
                inbound: [{string.Join(", ", inbound.Append("protocol: all, cidr: 10.0.1.0/24, action: allow").Select((e, i) => $"{{ rule: {(i + 1) * 10}, {e} }}"))}]
                outbound: [{string.Join(", ", outbound.Append("protocol: all, cidr: 0.0.0.0/0, action: allow").Select((e, i) => $"{{ rule: {(i + 1) * 10}, {e} }}"))}]
            security-groups:
              - {"{"} name: g1, description: g1, ingress: [{string.Join(", ", g1.Distinct())}] {"}"}
              - {"{"} name: g2, description: g2, ingress: [{string.Join(", ", g2.Distinct())}] {"}"}
              - {"{"} name: g3, description: g3, ingress: [{"{"} protocol: tcp, ports: 22, source: 10.0.0.0/8 {"}"}] {"}"}
            instances:
        {string.Join("\n", instances.Select((spec, i) => $"      - {{ name: a{i}, {spec} }}"))}
          - name: vpc-b
            cidr: 10.1.0.0/16
            subnets:
              - {"{"} name: b-priv, az: us-east-1a, cidr: 10.1.1.0/24 {"}"}
            route-tables:
              - name: b-rt
                subnets: [b-priv]
                routes:
                  - {"{"} destination: {(wholeVpcRoute ? "10.0.0.0/16" : "10.0.2.0/24")}, target: a-b {"}"}
            security-groups:
              - {"{"} name: gb, description: gb, ingress: [{"{"} protocol: tcp, ports: 20-25, source: 10.0.0.0/16 {"}"}, {"{"} protocol: all, source: gb {"}"}] {"}"}
            instances:
              - {"{"} name: b0, subnet: b-priv, security-groups: [gb] {"}"}
              - {"{"} name: b1, subnet: b-priv, security-groups: [gb] {"}"}
        peerings:
          - {"{"} name: a-b, requester: vpc-a, accepter: vpc-b {"}"}
        """;

    private static Network Load(string yaml) => ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;

    [Fact]
    public void Pieces_RandomSmallWorlds_EqualFlowSpacePairByPair() =>
        Worlds.Sample(yaml =>
        {
            var network = Load(yaml);
            var space = new FlowSpace(network, [], []);
            var interfaces = space.Interfaces;
            var answer = AllPairsReach.Compute(space, interfaces, Traffic);
            foreach (var from in interfaces)
            {
                foreach (var to in interfaces)
                {
                    foreach (var traffic in Traffic)
                    {
                        var expected = space.Pieces(new InterfaceEnd(from), new InterfaceEnd(to), traffic).ToList();
                        Assert.True(expected.SequenceEqual(answer.Pieces(from, to, traffic)), $"{from} -> {to} {traffic}\n{yaml}");
                    }
                }
            }
        }, iter: 25);

    /// <summary>Brute force: every source address, destination address and value of a small universe decided by the
    /// engine one flow at a time (delivered when some source port of the universe gets through), against the class
    /// answer's piece holding that flow.</summary>
    [Fact]
    public void Pieces_RandomSmallWorlds_EqualPerFlowDecide() =>
        Worlds.Sample(yaml =>
        {
            var network = Load(yaml);
            var space = new FlowSpace(network, [], []);
            var interfaces = space.Interfaces;
            var answer = AllPairsReach.Compute(space, interfaces, Traffic);
            foreach (var from in interfaces)
            {
                int index = space.Compiled.InterfaceIndexOf(from);
                foreach (var to in interfaces.Where(t => t != from))
                {
                    foreach (var traffic in Traffic)
                    {
                        foreach (var piece in answer.Pieces(from, to, traffic))
                        {
                            foreach (var value in Universe(traffic).Where(piece.Values.Contains))
                            {
                                var ports = traffic.Protocol.HasPorts ? SourcePorts : [(ushort)0];
                                bool brute = ports.Any(sp => space.Compiled.Decide(
                                    new FlowKey(piece.Flow.Source, piece.Flow.Destination, traffic.Protocol, sp, value), index).IsAccepted);
                                Assert.True(brute == piece.Delivered,
                                    string.Create(CultureInfo.InvariantCulture, $"{piece.Flow.Source} -> {piece.Flow.Destination} {traffic.Protocol.Name} {value}: brute force {brute}\n{yaml}"));
                            }
                        }
                    }
                }
            }
        }, iter: 25);

    private static IEnumerable<ushort> Universe(TrafficClass traffic) => traffic.Protocol.IsIcmp
        ? [(ushort)traffic.Values.From, (ushort)(traffic.Values.From + 1)]
        : new ushort[] { 0, 19, 20, 21, 22, 23, 24, 25, 26, 1024, 40000 }.Where(traffic.Values.Contains);

    [Fact]
    public void Classes_SameSubnetAndGroups_OneClassAndAddressNamedByRuleApart()
    {
        var yaml = World(["protocol: tcp, ports: 22, cidr: 10.0.1.4/31, action: deny"], [], ["{ protocol: tcp, ports: 22, source: 10.0.0.0/16 }"], [],
            [.. Enumerable.Repeat("subnet: a-priv, security-groups: [g1], public-ip: false, ipv6: false", 3),
             .. Enumerable.Repeat("subnet: a-pub, security-groups: [g1], public-ip: false, ipv6: false", 4)], true);
        var network = Load(yaml);
        var space = new FlowSpace(network, [], []);
        var answer = AllPairsReach.Compute(space, space.Interfaces, Traffic);
        var subnetOf = network.NetworkInterfaces.Values.ToDictionary(e => e.Id, e => network.NameOf(e.SubnetId.Value));
        var privateClasses = answer.Classes.Where(c => subnetOf[c[0]] == "a-priv").ToList();
        // Three instances in a-priv, same groups, no rule naming one of their addresses apart: one class.
        Assert.Equal(3, Assert.Single(privateClasses).Length);
        // The NACL entry names 10.0.1.4/31: interfaces at those addresses differ from the others of a-pub.
        var publicClasses = answer.Classes.Where(c => subnetOf[c[0]] == "a-pub").ToList();
        Assert.True(publicClasses.Count >= 2, string.Join("; ", publicClasses.Select(c => string.Join(',', c))));
        Assert.Equal(4, publicClasses.Sum(c => c.Length));
    }
}
