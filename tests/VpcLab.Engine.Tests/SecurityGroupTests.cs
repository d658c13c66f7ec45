using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;

namespace VpcLab.Engine.Tests;

public class SecurityGroupTests
{
    private static CompiledNetwork World(Action<WorldBuilder, SecurityGroupId, SecurityGroupId> rules, bool clearEgress = false)
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16", "2600:1f18:aaaa:bb00::/56");
        var s1 = b.Subnet("s1", vpc, "10.1.1.0/24", "2600:1f18:aaaa:bb01::/64");
        var s2 = b.Subnet("s2", vpc, "10.1.2.0/24", "2600:1f18:aaaa:bb02::/64");
        var client = b.SecurityGroup("client-sg", vpc);
        var server = b.SecurityGroup("server-sg", vpc);
        if (clearEgress)
            b.ClearRules(client, egress: true);
        b.Instance("client", s1, [client], ipv6: true, privateIp: "10.1.1.10");
        b.Instance("server", s2, [server], ipv6: true, privateIp: "10.1.2.20");
        b.Instance("other", s1, [b.DefaultSecurityGroup(vpc)], privateIp: "10.1.1.30");
        rules(b, client, server);
        return b.Compile();
    }

    // AWS: a rule matches by protocol (-1 = all), port range (tcp/udp only), ICMP type/code (-1 = any) and peer.
    [Theory]
    [InlineData("tcp", 443, 443, "10.1.1.0/24", "tcp", 443, "ACCEPT")]
    [InlineData("tcp", 443, 443, "10.1.1.0/24", "tcp", 444, "ENI_SG_RULES_MISMATCH")]
    [InlineData("tcp", 1000, 2000, "10.1.1.10/32", "tcp", 1500, "ACCEPT")]
    [InlineData("tcp", 443, 443, "10.1.1.11/32", "tcp", 443, "ENI_SG_RULES_MISMATCH")]
    [InlineData("udp", 53, 53, "0.0.0.0/0", "tcp", 53, "ENI_SG_RULES_MISMATCH")]
    [InlineData("udp", 53, 53, "0.0.0.0/0", "udp", 53, "ACCEPT")]
    [InlineData("-1", -1, -1, "10.0.0.0/8", "udp", 9999, "ACCEPT")]
    [InlineData("icmp", 8, -1, "10.1.1.0/24", "icmp", 0, "ACCEPT")]
    [InlineData("icmp", 3, 4, "10.1.1.0/24", "icmp", 0, "ENI_SG_RULES_MISMATCH")]
    [InlineData("icmp", -1, -1, "10.1.1.0/24", "icmp", 0, "ACCEPT")]
    [InlineData("tcp", 443, 443, "::/0", "tcp", 443, "ENI_SG_RULES_MISMATCH")] // IPv6 rule never matches IPv4
    public void Ingress_RuleFields_DecideAsAws(string protocol, int from, int to, string peer, string flowProtocol, int port, string expected)
    {
        var world = World((b, _, server) => b.Ingress(server, protocol, from, to, peer));
        var trace = world.Run("client", "server", flowProtocol, (ushort)port);
        trace.AssertVerdict(expected);
    }

    // AWS: a group without inbound rules admits nothing (RA: SG_HAS_NO_RULES).
    [Fact]
    public void Ingress_GroupWithoutRules_SgHasNoRules() =>
        World((_, _, _) => { }).Run("client", "server").AssertDropped(ExplanationCode.SgHasNoRules);

    // AWS: removing all outbound rules means no egress at all.
    [Fact]
    public void Egress_NoOutboundRules_Dropped()
    {
        var world = World((b, _, server) => b.Ingress(server, "tcp", 443, 443, "0.0.0.0/0"), clearEgress: true);
        var trace = world.Run("client", "server");
        trace.AssertDropped(ExplanationCode.SgHasNoRules);
        Assert.Equal(TrafficDirection.Egress, trace.Explanations[0].Direction);
    }

    // AWS: IPv6 rules are separate from IPv4 rules.
    [Theory]
    [InlineData("::/0", "ACCEPT")]
    [InlineData("2600:1f18:aaaa:bb01::/64", "ACCEPT")]
    [InlineData("2600:1f18:aaaa:bb02::/64", "ENI_SG_RULES_MISMATCH")]
    [InlineData("0.0.0.0/0", "ENI_SG_RULES_MISMATCH")]
    public void Ingress_Ipv6Flow_MatchesIpv6RulesOnly(string peer, string expected)
    {
        var world = World((b, _, server) => b.Ingress(server, "tcp", 443, 443, peer));
        world.Run("client", "server", family: Net.IpFamily.V6).AssertVerdict(expected);
    }

    // AWS: the rules of all groups on an interface are unioned.
    [Fact]
    public void Ingress_SeveralGroups_RulesAreUnioned()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16");
        var s = b.Subnet("s", vpc, "10.1.1.0/24");
        var g1 = b.SecurityGroup("g1", vpc);
        var g2 = b.SecurityGroup("g2", vpc);
        b.Ingress(g1, "tcp", 22, 22, "10.1.0.0/16");
        b.Ingress(g2, "tcp", 443, 443, "10.1.0.0/16");
        b.Instance("client", s, [g1]);
        b.Instance("server", s, [g1, g2]);
        var world = b.Compile();
        world.Run("client", "server", port: 22).AssertAccepted();
        world.Run("client", "server", port: 443).AssertAccepted();
        world.Run("client", "server", port: 80).AssertDropped(ExplanationCode.EniSgRulesMismatch);
    }

    // AWS: a prefix-list peer matches any CIDR of the list.
    [Theory]
    [InlineData("10.1.1.10", "ACCEPT")]
    [InlineData("10.1.1.30", "ENI_SG_RULES_MISMATCH")]
    public void Ingress_PrefixListPeer_MatchesEveryCidrOfTheList(string clientAddress, string expected)
    {
        var world = World((b, _, server) =>
        {
            var pl = b.PrefixList("clients", "10.1.1.10/32", "192.168.0.0/16");
            b.Ingress(server, "tcp", 443, 443, pl.Value);
        });
        string from = clientAddress == "10.1.1.10" ? "client" : "other";
        world.Run(from, "server").AssertVerdict(expected);
    }

    // AWS: a referenced group matches the private IPs of interfaces that carry it.
    [Theory]
    [InlineData("client", "ACCEPT")]
    [InlineData("other", "ENI_SG_RULES_MISMATCH")]
    public void Ingress_GroupReference_MatchesPrivateIpOfMembers(string from, string expected)
    {
        var world = World((b, client, server) => b.Ingress(server, "tcp", 443, 443, client.Value));
        world.Run(from, "server").AssertVerdict(expected);
    }

    // AWS: SGs are stateful: the reply of an allowed flow passes without any rule (here none at all outbound).
    [Fact]
    public void Reply_ServerWithoutEgressRules_StillReturns()
    {
        var world = World((b, _, server) =>
        {
            b.ClearRules(server, egress: true);
            b.Ingress(server, "tcp", 443, 443, "10.1.1.0/24");
        });
        var trace = world.Run("client", "server");
        trace.AssertAccepted();
        Assert.DoesNotContain(trace.Return, h => h.Component.Kind == ComponentKind.SecurityGroup);
    }

    // AWS: a group reference does not match a public IP (traffic arriving through the internet gateway).
    [Fact]
    public void Ingress_GroupReferenceFromPublicAddress_DoesNotMatch()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16");
        var s = b.Subnet("public", vpc, "10.1.1.0/24");
        var igw = b.InternetGateway("igw", vpc);
        var rt = b.RouteTable("rt", vpc, s);
        b.Route(rt, "0.0.0.0/0", igw);
        var client = b.SecurityGroup("client-sg", vpc);
        var server = b.SecurityGroup("server-sg", vpc);
        b.Ingress(server, "tcp", 443, 443, client.Value);
        b.Instance("client", s, [client], publicIp: true);
        var (_, serverEni) = b.Instance("server", s, [server], publicIp: true);
        var world = b.Compile();
        world.Run("client", "server").AssertAccepted(); // private address: matches
        var serverPublic = b.InterfaceModel(serverEni).PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;
        world.Run("client", serverPublic.ToString()).AssertDropped(ExplanationCode.EniSgRulesMismatch);
    }

    // AWS: a group reference does not match a NAT-translated source.
    [Fact]
    public void Ingress_GroupReferenceThroughNatGateway_DoesNotMatch()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16");
        var pub = b.Subnet("public", vpc, "10.1.1.0/24");
        var priv = b.Subnet("private", vpc, "10.1.2.0/24");
        var target = b.Subnet("target", vpc, "10.1.3.0/24");
        b.InternetGateway("igw", vpc);
        var nat = b.NatGateway("nat", pub, isPublic: false);
        var rt = b.RouteTable("private-rt", vpc, priv);
        b.Route(rt, "10.1.3.0/24", nat); // more specific than local: the whole target subnet through the NAT
        var client = b.SecurityGroup("client-sg", vpc);
        var server = b.SecurityGroup("server-sg", vpc);
        b.Ingress(server, "tcp", 443, 443, client.Value);
        b.Instance("client", priv, [client]);
        b.Instance("server", target, [server]);
        var world = b.Compile();
        world.Run("client", "server").AssertDropped(ExplanationCode.EniSgRulesMismatch);
    }
}
