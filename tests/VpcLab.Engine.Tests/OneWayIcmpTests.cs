using CsCheck;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>ICMP messages that are not an echo request have no reply: they are judged only in the direction they
/// travel (docs/semantics.md#one-way-icmp). Only an echo request walks a return path.</summary>
public class OneWayIcmpTests
{
    private const string VpcPmtud = "https://docs.aws.amazon.com/vpc/latest/userguide/path_mtu_discovery.html";
    private const string Ec2Pmtud = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network_mtu.html#path_mtu_discovery";
    private const string Conntrack = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-connection-tracking.html";
    private const string Nacls = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html";
    private const string Eigw = "https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html";

    /// <summary>Two dual-stack subnets, each with its own NACL holding only the ICMP entries a row gives ("" none),
    /// and two instances whose security groups allow no ICMP at all (a row may open one).</summary>
    private sealed class TwoSubnets
    {
        public WorldBuilder B { get; } = new();
        public VpcId Vpc { get; }
        public NetworkAclId ClientAcl { get; }
        public NetworkAclId ServerAcl { get; }
        public SecurityGroupId ClientSg { get; }
        public SecurityGroupId ServerSg { get; }
        public NetworkInterfaceId Client { get; }
        public NetworkInterfaceId Server { get; }

        public TwoSubnets(string clientOut, string serverIn, string serverOut, string clientIn)
        {
            Vpc = B.Vpc("v", "10.1.0.0/16", "2600:1f18:aaaa:100::/56");
            var s1 = B.Subnet("s1", Vpc, "10.1.1.0/24", "2600:1f18:aaaa:101::/64");
            var s2 = B.Subnet("s2", Vpc, "10.1.2.0/24", "2600:1f18:aaaa:102::/64");
            ClientAcl = B.NetworkAcl("client-acl", Vpc, s1);
            ServerAcl = B.NetworkAcl("server-acl", Vpc, s2);
            Allow(ClientAcl, egress: true, clientOut);
            Allow(ServerAcl, egress: false, serverIn);
            Allow(ServerAcl, egress: true, serverOut);
            Allow(ClientAcl, egress: false, clientIn);
            ClientSg = B.SecurityGroup("client-sg", Vpc);
            ServerSg = B.SecurityGroup("server-sg", Vpc);
            Client = B.Instance("client", s1, [ClientSg], privateIp: "10.1.1.10", ipv6: true).Interface;
            Server = B.Instance("server", s2, [ServerSg], privateIp: "10.1.2.20", ipv6: true).Interface;
        }

        /// <summary>"3:4" allows that ICMP type and code (IPv4 and, for ICMPv6, IPv6).</summary>
        private void Allow(NetworkAclId acl, bool egress, string typeCode)
        {
            if (typeCode.Length == 0)
                return;
            B.AclEntry(acl, 100, egress, "icmp", "allow", "0.0.0.0/0", typeCode);
            B.AclEntry(acl, 101, egress, "icmpv6", "allow", "::/0", typeCode);
        }
    }

    // Each row: the message the client sends the server, the ICMP entries of each NACL, the verdict and whether the
    // trace has a return path. The security groups allow no ICMP inbound, so only errors and (echo) with an opened
    // rule pass them; rows that test NACLs open the server's group to ICMP.
    [Theory]
    // AWS (VPC User Guide, Path MTU Discovery, VpcPmtud): allow type 3 code 4 in the network ACL both inbound and
    // outbound; the message then gets through in the one direction it travels, and nothing comes back.
    [InlineData("icmp", 3, 4, "3:4", "3:4", "", "", "ACCEPT", null, VpcPmtud)]
    // AWS (Nacls): NACLs are stateless, each direction checked on its own: the sender's outbound denies it.
    [InlineData("icmp", 3, 4, "", "3:4", "3:4", "3:4", "SUBNET_ACL_RESTRICTION", PathDirection.Forward, Nacls)]
    // The receiver's inbound denies it.
    [InlineData("icmp", 3, 4, "3:4", "", "3:4", "3:4", "SUBNET_ACL_RESTRICTION", PathDirection.Forward, Nacls)]
    // AWS (VpcPmtud): traceroute needs time exceeded (11/0) allowed; one-way as well.
    [InlineData("icmp", 11, 0, "11:0", "11:0", "", "", "ACCEPT", null, VpcPmtud)]
    // AWS (VpcPmtud): ICMPv6 packet too big (type 2) is IPv6's fragmentation needed.
    [InlineData("icmpv6", 2, 0, "2:-1", "2:-1", "", "", "ACCEPT", null, VpcPmtud)]
    [InlineData("icmpv6", 2, 0, "", "2:-1", "2:-1", "2:-1", "SUBNET_ACL_RESTRICTION", PathDirection.Forward, VpcPmtud)]
    // An echo request is answered by an echo reply, which the NACLs see on the way back (Nacls).
    [InlineData("icmp", 8, 0, "8:-1", "8:-1", "", "", "SUBNET_ACL_RESTRICTION", PathDirection.Return, Nacls)]
    [InlineData("icmp", 8, 0, "8:-1", "8:-1", "0:-1", "0:-1", "ACCEPT", null, Nacls)]
    [InlineData("icmpv6", 128, 0, "128:-1", "128:-1", "129:-1", "129:-1", "ACCEPT", null, Nacls)]
    [InlineData("icmpv6", 128, 0, "128:-1", "128:-1", "129:-1", "", "SUBNET_ACL_RESTRICTION", PathDirection.Return, Nacls)]
    // An echo reply sent on its own answers nothing and gets no answer: one-way.
    [InlineData("icmp", 0, 0, "0:-1", "0:-1", "", "", "ACCEPT", null, Nacls)]
    public void Trace_IcmpMessageThroughNacls_JudgedInTheDirectionItTravels(string protocol, int type, int code,
        string clientOut, string serverIn, string serverOut, string clientIn, string expected, PathDirection? droppedOn,
        string source)
    {
        _ = source;
        var w = new TwoSubnets(clientOut, serverIn, serverOut, clientIn);
        w.B.Ingress(w.ServerSg, protocol, -1, -1, protocol == "icmp" ? "10.1.0.0/16" : "2600:1f18:aaaa:100::/56");
        var trace = w.B.Compile().Run("client", "server", protocol, icmpType: type, icmpCode: code);
        trace.AssertVerdict(expected, droppedOn ?? PathDirection.Forward);
        bool echo = type is 8 or 128;
        Assert.Equal(!echo, trace.OneWay);
        if (!echo)
        {
            Assert.Empty(trace.Return);
            Assert.Contains("one-way", trace.OneWayNote, StringComparison.Ordinal);
        }
        else if (expected == "ACCEPT")
        {
            Assert.NotEmpty(trace.Return);
        }
    }

    // Security groups and ICMP errors. AWS (EC2 User Guide, Path MTU Discovery, Ec2Pmtud): "security groups are
    // stateful, therefore ICMP responses to outbound requests are allowed to flow in, regardless of security group
    // rules"; AWS (Conntrack): responses are tracked as part of the connection and allowed regardless of rules in
    // either direction. An ICMP error always reports on another connection, so the groups let it through; a message
    // that is not an error (echo request, echo reply on its own, timestamp) is new traffic, judged by the rules.
    [Theory]
    [InlineData("icmp", 3, 4, false, false, "ACCEPT", Ec2Pmtud)]
    [InlineData("icmp", 3, 3, false, false, "ACCEPT", Conntrack)]           // port unreachable for a UDP flow
    [InlineData("icmp", 11, 0, false, false, "ACCEPT", Conntrack)]          // time exceeded (traceroute)
    [InlineData("icmpv6", 2, 0, false, false, "ACCEPT", Ec2Pmtud)]          // packet too big
    [InlineData("icmpv6", 1, 4, false, false, "ACCEPT", Conntrack)]         // ICMPv6 port unreachable
    [InlineData("icmp", 3, 4, true, false, "ACCEPT", Conntrack)]            // sender without outbound rules
    [InlineData("icmp", 0, 0, false, false, "ENI_SG_RULES_MISMATCH", Conntrack)] // echo reply on its own: new traffic
    [InlineData("icmp", 8, 0, false, false, "ENI_SG_RULES_MISMATCH", Conntrack)] // echo request: inbound rule needed
    [InlineData("icmp", 13, 0, false, false, "ENI_SG_RULES_MISMATCH", Conntrack)] // timestamp: not an error
    [InlineData("icmp", 0, 0, true, false, "SG_HAS_NO_RULES", Conntrack)]  // echo reply from a group with no outbound rules
    [InlineData("icmp", 0, 0, false, true, "ACCEPT", Conntrack)]            // an inbound rule for echo replies lets it in
    public void Trace_IcmpMessageThroughSecurityGroups_ErrorsPassAsPartOfTheirConnection(string protocol, int type,
        int code, bool senderWithoutOutboundRules, bool receiverAllowsEchoReply, string expected, string source)
    {
        _ = source;
        var w = new TwoSubnets("-1:-1", "-1:-1", "-1:-1", "-1:-1");
        w.B.Ingress(w.ServerSg, "tcp", 443, 443, "0.0.0.0/0"); // a rule, so a miss is a mismatch, not "no rules"
        if (senderWithoutOutboundRules)
            w.B.ClearRules(w.ClientSg, egress: true);
        if (receiverAllowsEchoReply)
            w.B.Ingress(w.ServerSg, "icmp", 0, -1, "10.1.1.0/24");
        var trace = w.B.Compile().Run("client", "server", protocol, icmpType: type, icmpCode: code);
        trace.AssertVerdict(expected);
        bool error = trace.Flow.IsIcmpError;
        var groups = trace.Forward.Where(h => h.Direction is not null && h.Component.Kind == ComponentKind.SecurityGroup).ToList();
        Assert.Equal(error && expected == "ACCEPT",
            groups.Any(h => h.Explanations.Any(e => e.Code == ExplanationCode.SecurityGroupTrackedIcmpError)));
    }

    // The internet and the gateways. The message comes in from a router on the internet (PMTUD for a connection the
    // instance opened).
    [Theory]
    // AWS (Ec2Pmtud, VpcPmtud): through the internet gateway, NACL allowing 3/4 inbound, no ICMP rule in the group.
    [InlineData("web", "icmp", 3, 4, "ACCEPT", Ec2Pmtud)]
    // AWS (Eigw): an egress-only internet gateway lets in what belongs to connections that left through it; an ICMPv6
    // error reports on such a connection (choice, docs/semantics.md#one-way-icmp), an echo request opens a new one.
    [InlineData("app", "icmpv6", 2, 0, "ACCEPT", Eigw)]
    [InlineData("app", "icmpv6", 128, 0, "VPCLAB_EIGW_INBOUND_REFUSED", Eigw)]
    public void Trace_IcmpMessageFromTheInternet_OneWayThroughTheGateway(string to, string protocol, int type, int code,
        string expected, string source)
    {
        _ = source;
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16", "2600:1f18:aaaa:100::/56");
        var pub = b.Subnet("public", vpc, "10.1.1.0/24", "2600:1f18:aaaa:101::/64");
        var app = b.Subnet("app", vpc, "10.1.2.0/24", "2600:1f18:aaaa:102::/64");
        var igw = b.InternetGateway("igw", vpc);
        var publicRt = b.RouteTable("public-rt", vpc, pub);
        b.Route(publicRt, "0.0.0.0/0", igw);
        var appVpc = b.Vpc("app-vpc", "10.2.0.0/16", "2600:1f18:bbbb:100::/56");
        var appSubnet = b.Subnet("app-only", appVpc, "10.2.1.0/24", "2600:1f18:bbbb:101::/64");
        var eigw = b.EgressOnlyInternetGateway("eigw", appVpc);
        b.Route(b.RouteTable("app-rt", appVpc, appSubnet), "::/0", eigw);
        _ = app;
        var sg = b.SecurityGroup("no-icmp", vpc);
        var appSg = b.SecurityGroup("app-sg", appVpc);
        b.Ingress(appSg, "icmpv6", -1, -1, "::/0");
        b.Instance("web", pub, [sg], publicIp: true);
        b.Instance("app", appSubnet, [appSg], ipv6: true);
        var from = protocol == "icmp" ? "198.51.100.7" : "2001:db8:ffff::7";
        var trace = b.Compile().Run(from, to, protocol, icmpType: type, icmpCode: code);
        trace.AssertVerdict(expected);
        if (expected == "ACCEPT")
            Assert.Empty(trace.Return);
    }

    private const string NatGatewayPage = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html";
    private const string NatGatewayBasicsPage = "https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html";

    /// <summary>Choice (docs/semantics.md#ngw-icmp-errors): AWS documents that a NAT gateway translates response
    /// traffic back to the instance and that its instances "can't receive unsolicited inbound connections", but says
    /// nothing of ICMP errors (fragmentation needed, time exceeded) for its translated connections, and a trace has no
    /// connection for the error to report on. So an ICMP message addressed to the NAT gateway's Elastic IP from the
    /// internet is refused like any packet outside the connections it opened, error or not; Decide agrees with
    /// Trace.</summary>
    [Theory]
    [InlineData(3, 4, NatGatewayPage)]       // fragmentation needed (PMTUD): not documented for NAT gateways
    [InlineData(3, 1, NatGatewayPage)]       // host unreachable: same
    [InlineData(11, 0, NatGatewayPage)]      // time exceeded (traceroute): same
    [InlineData(8, 0, NatGatewayPage)]       // echo request: unsolicited inbound, refused as AWS says
    [InlineData(0, 0, NatGatewayBasicsPage)] // echo reply on its own: no connection it belongs to in a trace
    public void Trace_IcmpToNatGatewayElasticIp_Refused(int type, int code, string awsPage)
    {
        _ = awsPage;
        var seed = new SeedWorld();
        var world = seed.Compile();
        var nat = world.Network.NatGateways[seed.NatA];
        var flow = FlowKey.Icmp(IpAddress.Parse("198.51.100.7"), nat.PublicIp!.Value, type, code);
        var trace = world.Trace(flow, -1).AssertWellFormed();
        trace.AssertDropped(ExplanationCode.NatGatewayInboundRefused);
        Assert.Equal(world.Decide(flow, -1).Reason, trace.Reason);
        Assert.Equal(Verdict.Dropped, world.Decide(flow, -1).Verdict);
    }

    // The single rule: only an echo request has a reply, for ICMP and ICMPv6; every other protocol has one.
    [Theory]
    [InlineData(6, 0, true)]
    [InlineData(17, 0, true)]
    [InlineData(47, 0, true)]     // GRE: tracked by addresses and protocol number (Conntrack)
    [InlineData(1, 8, true)]
    [InlineData(1, 0, false)]
    [InlineData(1, 3, false)]
    [InlineData(1, 11, false)]
    [InlineData(1, 13, false)]
    [InlineData(58, 128, true)]
    [InlineData(58, 129, false)]
    [InlineData(58, 2, false)]
    [InlineData(58, 135, false)]  // neighbor solicitation
    public void FlowKey_HasReply_OnlyEchoRequestAmongIcmp(int protocol, int type, bool expected)
    {
        var flow = new FlowKey(IpAddress.Parse("10.0.0.1"), IpAddress.Parse("10.0.0.2"), new IpProtocol((short)protocol), 0, (ushort)(type << 8));
        Assert.Equal(expected, flow.HasReply);
    }

    private static readonly Lazy<(CompiledNetwork World, int Client, NetworkInterface From, NetworkInterface To)> Pmtud = new(() =>
    {
        var w = new TwoSubnets("-1:-1", "3:4", "-1:-1", "-1:-1");
        var world = w.B.Compile();
        return (world, world.InterfaceIndexOf(w.Client), w.B.InterfaceModel(w.Client), w.B.InterfaceModel(w.Server));
    });

    /// <summary>Property: whatever its type and code, an ICMP message other than an echo request never has a return
    /// path, and Decide agrees with Trace on it.</summary>
    [Fact]
    public void Trace_AnyIcmpTypeAndCode_ReturnPathOnlyForEchoRequest()
    {
        var (world, client, from, to) = Pmtud.Value;
        Gen.Select(Gen.Int[0, 255], Gen.Int[0, 15], Gen.Bool).Sample((type, code, v6) =>
        {
            var flow = v6
                ? FlowKey.Icmp(from.Ipv6Addresses[0], to.Ipv6Addresses[0], type, code)
                : FlowKey.Icmp(from.PrimaryPrivateIp, to.PrimaryPrivateIp, type, code);
            var trace = world.Trace(flow, client).AssertWellFormed();
            bool echo = type == (v6 ? 128 : 8);
            Assert.Equal(echo, flow.HasReply);
            if (!echo)
            {
                Assert.Empty(trace.Return);
                Assert.NotEqual(PathDirection.Return, trace.DroppedOn);
            }
            Assert.Equal(trace.Verdict, world.Decide(flow, client).Verdict);
        }, iter: 2000);
    }
}
