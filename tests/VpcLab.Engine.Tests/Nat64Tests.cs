using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests;

/// <summary>NAT64 on NAT gateways (VPC User Guide, "DNS64 and NAT64",
/// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html; docs/semantics.md#nat64).</summary>
public class Nat64Tests
{
    /// <summary>The seed world plus the page's walkthrough: app-rt routes 64:ff9b::/96 to nat-a (::/0 stays on the
    /// EIGW), and a "legacy" subnet holds an IPv4-only server any VPC address may reach on 443.</summary>
    internal static SeedWorld World(Action<SeedWorld>? customize = null) => new(s =>
    {
        s.B.Route(s.AppRt, "64:ff9b::/96", s.NatA);
        var legacy = s.B.Subnet("legacy", s.Vpc, "10.0.40.0/24");
        var legacySg = s.B.SecurityGroup("legacy-sg", s.Vpc);
        s.B.Ingress(legacySg, "tcp", 443, 443, "10.0.0.0/16");
        s.B.Instance("legacy-1", legacy, [legacySg], privateIp: "10.0.40.10");
        customize?.Invoke(s);
    });

    // AWS (What is NAT64?): from the 64:ff9b::/96 prefix the NAT gateway knows the destination is IPv4; it replaces
    // the source IPv6 with its own private IP (the internet gateway then uses its Elastic IP) and the destination
    // with the last 32 bits; the reply is de-NATed: its source gets 64:ff9b::/96 back, its destination is the host.
    [Fact]
    public void Nat64_ToInternetIpv4_TranslatedAtNatGatewayAndBack()
    {
        var seed = World();
        var trace = seed.Compile().Run("app-1", "64:ff9b::8.8.8.8");
        trace.AssertAccepted();
        var nat = seed.B.Build().NatGateways[seed.NatA];
        var natHop = trace.Forward.Single(h => h.Component.Kind == ComponentKind.NatGateway);
        Assert.Equal(HopAction.Translated, natHop.Action);
        Assert.Equal(nat.PrivateIp, natHop.OutboundHeader.Source);
        Assert.Equal(IpAddress.Parse("8.8.8.8"), natHop.OutboundHeader.Destination);
        Assert.Equal(nat.PublicIp, trace.Forward.Single(h => h.Component.Kind == ComponentKind.InternetGateway).OutboundHeader.Source);
        Assert.Equal(
            [ComponentKind.NetworkInterface, ComponentKind.SecurityGroup, ComponentKind.NetworkAcl, ComponentKind.RouteTable,
             ComponentKind.NetworkAcl, ComponentKind.NatGateway, ComponentKind.NetworkAcl, ComponentKind.RouteTable,
             ComponentKind.InternetGateway, ComponentKind.Internet],
            trace.Forward.Select(h => h.Component.Kind));
        // The return: IPv4 from 8.8.8.8 to the Elastic IP, de-NATed at the NAT gateway to 64:ff9b::808:808 → app-1.
        var back = trace.Return.Single(h => h.Component.Kind == ComponentKind.NatGateway);
        Assert.Equal(HopAction.Translated, back.Action);
        Assert.Equal(IpAddress.Parse("64:ff9b::808:808"), back.OutboundHeader.Source);
        Assert.Equal(trace.Flow.Reply(), trace.Return[^1].OutboundHeader.ToFlowKey());
    }

    // AWS (What is NAT64?): NAT64 reaches IPv4-only services "within the same VPC (in different subnets)"; the IPv4
    // leg is an ordinary packet from the NAT gateway's private address, so the server's group and NACLs judge that.
    [Theory]
    [InlineData("public", 443, "ACCEPT")]
    [InlineData("private", 443, "ACCEPT")]
    [InlineData("public", 22, "ENI_SG_RULES_MISMATCH")]   // legacy-sg allows 443 only
    public void Nat64_ToIpv4OnlyInstanceInVpc_ReachesItFromTheNatAddress(string connectivity, int port, string expected)
    {
        var seed = World(s =>
        {
            if (connectivity == "private")
                s.B.Route(s.AppRt, "64:ff9b::/96", s.B.NatGateway("private-nat", s.PublicB, isPublic: false));
        });
        var trace = seed.Compile().Run("app-1", "64:ff9b::10.0.40.10", port: (ushort)port);
        trace.AssertVerdict(expected);
        if (expected == "ACCEPT")
            Assert.Equal(IpAddress.Parse("10.0.40.10"), trace.Forward[^1].OutboundHeader.Destination);
    }

    // AWS (Configure DNS64 and NAT64): the NAT gateway's own subnet needs the IPv4 route (0.0.0.0/0 to the internet
    // gateway); without it the translated packet has no route (the normal IPv4 walk), and a private NAT gateway has
    // no Elastic IP for the internet gateway (NAT gateway basics: private NAT gateways cannot reach the internet).
    [Theory]
    [InlineData("no-ipv4-route", "NO_ROUTE_TO_DESTINATION")]
    [InlineData("private-nat", "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS")]
    public void Nat64_NatSubnetWithoutIpv4Path_NormalIpv4Drop(string variant, string expected)
    {
        var seed = World(s =>
        {
            if (variant == "no-ipv4-route")
            {
                var bare = s.B.RouteTable("bare-rt", s.Vpc);
                s.B.Associate(bare, s.PublicA);
            }
            else
            {
                s.B.Route(s.AppRt, "64:ff9b::/96", s.B.NatGateway("private-nat", s.PublicB, isPublic: false));
            }
        });
        seed.Compile().Run("app-1", "64:ff9b::8.8.8.8").AssertVerdict(expected);
    }

    // AWS: NAT gateways carry TCP, UDP and ICMP (NAT gateway basics); NAT64 translates ICMPv6 echo to ICMP echo and
    // back (RFC 7915 §4.2/§5.2). Choice (docs/semantics.md#nat64): other ICMPv6 messages and other protocols are
    // PROTOCOL_RESTRICTION, as for IPv4.
    [Theory]
    [InlineData("udp", null, "ACCEPT")]
    [InlineData("icmpv6", null, "ACCEPT")]       // echo request 128 → ICMP 8, reply 0 → ICMPv6 129
    [InlineData("icmpv6", 135, "PROTOCOL_RESTRICTION")] // neighbor solicitation: not translated
    [InlineData("47", null, "PROTOCOL_RESTRICTION")]
    public void Nat64_Protocols(string protocol, int? icmpType, string expected)
    {
        var trace = World().Compile().Run("app-1", "64:ff9b::8.8.8.8", protocol, 53, icmpType: icmpType);
        trace.AssertVerdict(expected);
        if (expected == "ACCEPT" && protocol == "icmpv6")
        {
            var natHop = trace.Forward.Single(h => h.Component.Kind == ComponentKind.NatGateway);
            Assert.Equal(IpProtocol.Icmp, natHop.OutboundHeader.Protocol);
            Assert.Equal(8, natHop.OutboundHeader.ToFlowKey().IcmpType);
            Assert.Equal(trace.Flow.Reply(), trace.Return[^1].OutboundHeader.ToFlowKey());
        }
    }

    // AWS: only 64:ff9b::/96 is translated (the prefix the route table accepts for a NAT gateway); any other IPv6
    // routed to a NAT gateway is not NAT64 traffic.
    [Fact]
    public void Ipv6OutsideWellKnownPrefix_RoutedToNatGateway_ProtocolRestriction()
    {
        var seed = World(s => s.B.Route(s.AppRt, "2001:db8::/32", s.NatA));
        seed.Compile().Run("app-1", "2001:db8::1").AssertDropped(ExplanationCode.ProtocolRestriction);
    }

    // AWS (Configure DNS64 and NAT64): "Configure your security group and NACLs appropriately to allow egress and
    // ingress traffic to 64:ff9b::/96": the instance side is judged on the IPv6 packet.
    [Fact]
    public void Nat64_InstanceGroupWithoutIpv6Egress_Dropped()
    {
        var seed = World(s =>
        {
            s.B.ClearRules(s.AppSg, egress: true);
            s.B.Egress(s.AppSg, "-1", -1, -1, "0.0.0.0/0");
        });
        seed.Compile().Run("app-1", "64:ff9b::8.8.8.8").AssertDropped(ExplanationCode.EniSgRulesMismatch);
    }

    // The return path: the NAT subnet's NACL sees the IPv4 reply; app-a's NACL sees the de-NATed IPv6 reply.
    [Fact]
    public void Nat64_AppSubnetAclDeniesIpv6Replies_DroppedOnReturn()
    {
        var seed = World(s =>
        {
            var acl = s.B.NetworkAcl("app-acl", s.Vpc, s.AppA);
            s.B.AclEntry(acl, 100, egress: true, "-1", "allow", "::/0");
            s.B.AclEntry(acl, 100, egress: false, "-1", "allow", "0.0.0.0/0");
        });
        seed.Compile().Run("app-1", "64:ff9b::8.8.8.8").AssertDropped(ExplanationCode.SubnetAclRestriction, PathDirection.Return);
    }

    [Fact]
    public void Decide_Nat64Flows_DoesNotAllocate()
    {
        var seed = World();
        var world = seed.Compile();
        var app = world.Network.NetworkInterfaces[seed.App1.Interface];
        var flows = new[]
        {
            FlowKey.Tcp(app.Ipv6Addresses[0], IpAddress.Parse("64:ff9b::8.8.8.8"), 443),
            FlowKey.Icmp(app.Ipv6Addresses[0], IpAddress.Parse("64:ff9b::10.0.40.10")),
        };
        int source = world.InterfaceIndexOf(app.Id);
        foreach (var f in flows)
            world.Decide(f, source);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = 0;
        for (int i = 0; i < 100; i++)
        {
            foreach (var f in flows)
                accepted += world.Decide(f, source).IsAccepted ? 1 : 0;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(accepted > 0);
    }
}
