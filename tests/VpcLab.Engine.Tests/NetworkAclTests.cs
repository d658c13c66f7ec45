using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

public class NetworkAclTests
{
    /// <summary>client (10.1.1.10, s1) → server (10.1.2.20, s2), open security groups; the server subnet's NACL
    /// gets the given inbound entries and allows all outbound (unless told otherwise).</summary>
    private static CompiledNetwork World(Action<WorldBuilder, NetworkAclId> entries, bool serverOutboundAll = true, bool sameSubnet = false)
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16", "2600:1f18:aaaa:bb00::/56");
        var s1 = b.Subnet("s1", vpc, "10.1.1.0/24", "2600:1f18:aaaa:bb01::/64");
        var s2 = b.Subnet("s2", vpc, "10.1.2.0/24", "2600:1f18:aaaa:bb02::/64");
        var open = b.SecurityGroup("open", vpc);
        b.Ingress(open, "-1", -1, -1, "0.0.0.0/0");
        b.Ingress(open, "-1", -1, -1, "::/0");
        var acl = b.NetworkAcl("server-acl", vpc, s2);
        if (serverOutboundAll)
        {
            b.AclEntry(acl, 100, egress: true, "-1", "allow", "0.0.0.0/0");
            b.AclEntry(acl, 101, egress: true, "-1", "allow", "::/0");
        }
        b.Instance("client", sameSubnet ? s2 : s1, [open], ipv6: true, privateIp: sameSubnet ? "10.1.2.10" : "10.1.1.10");
        b.Instance("server", s2, [open], ipv6: true, privateIp: "10.1.2.20");
        entries(b, acl);
        return b.Compile();
    }

    // AWS: NACL rules are evaluated in ascending rule-number order; the first match decides.
    [Theory]
    [InlineData(100, "allow", 200, "deny", "ACCEPT")]
    [InlineData(200, "allow", 100, "deny", "SUBNET_ACL_RESTRICTION")] // listed order is irrelevant
    [InlineData(1, "deny", 32766, "allow", "SUBNET_ACL_RESTRICTION")]
    public void Inbound_TwoRulesMatch_LowestRuleNumberWins(int ruleA, string actionA, int ruleB, string actionB, string expected)
    {
        var world = World((b, acl) =>
        {
            b.AclEntry(acl, ruleA, egress: false, "tcp", actionA, "10.1.1.0/24", "443");
            b.AclEntry(acl, ruleB, egress: false, "tcp", actionB, "0.0.0.0/0", "0-65535");
        });
        world.Run("client", "server").AssertVerdict(expected);
    }

    // AWS: no match → the final '*' deny, rule 32767 for IPv4 and 32768 for IPv6.
    [Theory]
    [InlineData(IpFamily.V4, 32767)]
    [InlineData(IpFamily.V6, 32768)]
    public void Inbound_NoMatch_DefaultDenyRuleNumber(IpFamily family, int ruleNumber)
    {
        var world = World((b, acl) => b.AclEntry(acl, 100, egress: false, "tcp", "allow", "10.9.0.0/16", "443"));
        var trace = world.Run("client", "server", family: family);
        trace.AssertDropped(ExplanationCode.SubnetAclRestriction);
        Assert.Equal(ruleNumber, trace.Explanations[0].AclRuleNumber);
        Assert.Equal(TrafficDirection.Ingress, trace.Explanations[0].Direction);
    }

    // AWS: IPv4 entries never match IPv6 packets and vice versa.
    [Theory]
    [InlineData("0.0.0.0/0", IpFamily.V4, "ACCEPT")]
    [InlineData("0.0.0.0/0", IpFamily.V6, "SUBNET_ACL_RESTRICTION")]
    [InlineData("::/0", IpFamily.V6, "ACCEPT")]
    [InlineData("::/0", IpFamily.V4, "SUBNET_ACL_RESTRICTION")]
    public void Inbound_EntryFamily_MatchesOnlyItsFamily(string cidr, IpFamily family, string expected)
    {
        var world = World((b, acl) => b.AclEntry(acl, 100, egress: false, "-1", "allow", cidr));
        world.Run("client", "server", family: family).AssertVerdict(expected);
    }

    // AWS: ports apply to tcp/udp, type/code to ICMP; -1 matches all protocols.
    [Theory]
    [InlineData("tcp", "443", "tcp", 443, "ACCEPT")]
    [InlineData("tcp", "1-442", "tcp", 443, "SUBNET_ACL_RESTRICTION")]
    [InlineData("udp", "443", "tcp", 443, "SUBNET_ACL_RESTRICTION")]
    [InlineData("icmp", "8:0", "icmp", 0, "ACCEPT")]
    [InlineData("icmp", "8:-1", "icmp", 0, "ACCEPT")]
    [InlineData("icmp", "0:0", "icmp", 0, "SUBNET_ACL_RESTRICTION")]
    [InlineData("-1", null, "udp", 9, "ACCEPT")]
    public void Inbound_ProtocolPortsAndIcmp_Match(string protocol, string? ports, string flowProtocol, int port, string expected)
    {
        var world = World((b, acl) => b.AclEntry(acl, 100, egress: false, protocol, "allow", "10.1.1.0/24", ports));
        world.Run("client", "server", flowProtocol, (ushort)port).AssertVerdict(expected);
    }

    // AWS: NACLs apply only at the subnet edge: two interfaces in one subnet skip it (the SGs still apply).
    [Fact]
    public void SameSubnet_DenyAllNacl_IsNotEvaluated()
    {
        var world = World((_, _) => { }, serverOutboundAll: false, sameSubnet: true);
        var trace = world.Run("client", "server");
        trace.AssertAccepted();
        Assert.DoesNotContain(trace.Forward, h => h.Component.Kind is ComponentKind.NetworkAcl or ComponentKind.RouteTable);
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.SecurityGroup);
    }

    // AWS: NACLs are stateless: the reply (ephemeral port) is checked against the destination subnet's outbound
    // rules and the source subnet's inbound rules.
    [Theory]
    [InlineData("1024-65535", "ACCEPT")]
    [InlineData("32768-61000", "ACCEPT")]   // 49152 is inside the Linux range
    [InlineData("1024-49151", "SUBNET_ACL_RESTRICTION")]
    public void Reply_ServerSubnetOutbound_ChecksEphemeralPort(string outboundPorts, string expected)
    {
        var world = World((b, acl) =>
        {
            b.AclEntry(acl, 100, egress: false, "tcp", "allow", "10.1.1.0/24", "443");
            b.AclEntry(acl, 100, egress: true, "tcp", "allow", "10.1.1.0/24", outboundPorts);
        }, serverOutboundAll: false);
        world.Run("client", "server").AssertVerdict(expected, PathDirection.Return);
    }

    [Fact]
    public void Reply_ClientSubnetInbound_IsChecked()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16");
        var s1 = b.Subnet("s1", vpc, "10.1.1.0/24");
        var s2 = b.Subnet("s2", vpc, "10.1.2.0/24");
        var open = b.SecurityGroup("open", vpc);
        b.Ingress(open, "-1", -1, -1, "0.0.0.0/0");
        var acl = b.NetworkAcl("client-acl", vpc, s1);
        b.AclEntry(acl, 100, egress: true, "tcp", "allow", "0.0.0.0/0", "443");
        b.AclEntry(acl, 100, egress: false, "tcp", "allow", "0.0.0.0/0", "443"); // forgot the ephemeral ports
        b.Instance("client", s1, [open]);
        b.Instance("server", s2, [open]);
        var trace = b.Compile().Run("client", "server");
        trace.AssertDropped(ExplanationCode.SubnetAclRestriction, PathDirection.Return);
        Assert.Equal(TrafficDirection.Ingress, trace.Explanations[0].Direction);
    }

    // scenarios/seed.yaml: db-acl lets replies back to app-a only; app-2 (app-b) reaches the database but its
    // replies are dropped on the database subnet's way out.
    [Theory]
    [InlineData("app-1", "ACCEPT")]
    [InlineData("app-2", "SUBNET_ACL_RESTRICTION")]
    public void Seed_DbAclMistake_ReplyToAppBDropped(string from, string expected)
    {
        var world = new SeedWorld().Compile();
        var trace = world.Run(from, "db-1", port: 5432);
        trace.AssertVerdict(expected, PathDirection.Return);
        if (expected != "ACCEPT")
        {
            Assert.Equal(TrafficDirection.Egress, trace.Explanations[0].Direction);
            Assert.Equal(NetworkAcl.DefaultDenyRuleNumberV4, trace.Explanations[0].AclRuleNumber);
        }
    }
}
