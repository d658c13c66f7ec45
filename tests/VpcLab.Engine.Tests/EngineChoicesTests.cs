using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>Behaviours where AWS is silent or unconfirmed; each is a bullet in docs/semantics.md.</summary>
public class EngineChoicesTests
{
    private sealed class ThreeSubnets
    {
        public WorldBuilder B { get; } = new();
        public VpcId Vpc { get; }
        public SubnetId S1 { get; }
        public SubnetId S2 { get; }
        public SubnetId S3 { get; }
        public SecurityGroupId Open { get; }

        public ThreeSubnets()
        {
            Vpc = B.Vpc("v", "10.1.0.0/16");
            S1 = B.Subnet("s1", Vpc, "10.1.1.0/24");
            S2 = B.Subnet("s2", Vpc, "10.1.2.0/24");
            S3 = B.Subnet("s3", Vpc, "10.1.3.0/24");
            Open = B.SecurityGroup("open", Vpc);
            B.Ingress(Open, "-1", -1, -1, "0.0.0.0/0");
        }
    }

    // Choice: the NAT gateway keeps source ports ≥ 1024 and moves lower ones up by 1024.
    [Theory]
    [InlineData(80, 1104)]
    [InlineData(49152, 49152)]
    public void NatGateway_LowSourcePort_Remapped(int sourcePort, int expected)
    {
        var seed = new SeedWorld();
        var world = seed.Compile();
        var app1 = seed.B.InterfaceModel(seed.App1.Interface).PrimaryPrivateIp;
        var flow = FlowKey.Tcp(app1, IpAddress.Parse("8.8.8.8"), 443, (ushort)sourcePort);
        var trace = world.Trace(flow, world.InterfaceIndexOf(seed.App1.Interface));
        trace.AssertAccepted();
        Assert.Equal(expected, trace.Forward.Single(h => h.Component.Kind == ComponentKind.NatGateway).OutboundHeader.SourcePort);
        Assert.Equal(flow.Reply(), trace.Return[^1].OutboundHeader.ToFlowKey());
    }

    // Choice: a route table associated with the internet gateway steers inbound traffic (ingress routing).
    [Fact]
    public void IngressRouting_GatewayRouteTableToMiddlebox_InboundForwardedThroughTheMiddlebox()
    {
        var w = new ThreeSubnets();
        var igw = w.B.InternetGateway("igw", w.Vpc);
        var rt = w.B.RouteTable("public-rt", w.Vpc, w.S1, w.S3);
        w.B.Route(rt, "0.0.0.0/0", igw);
        var (_, firewall) = w.B.Instance("firewall", w.S3, [w.Open], sourceDestCheck: false);
        w.B.Instance("web", w.S1, [w.Open], publicIp: true);
        var edge = w.B.RouteTable("edge-rt", w.Vpc);
        w.B.Route(edge, "10.1.1.0/24", firewall);
        w.B.AssociateGateway(edge, igw);
        var trace = w.B.Compile().Run("198.51.100.7", "web");
        trace.AssertAccepted();
        Assert.Contains(trace.Forward, h => h.Component.Id == firewall.Value && h.Action == HopAction.Forwarded);
        Assert.Contains(trace.Forward, h => h.Component.Id == edge.Value);
    }

    // Choice: on the return path a middlebox's security group is not evaluated (the connection is tracked).
    [Fact]
    public void Middlebox_ReturnPath_SgNotEvaluated()
    {
        var w = new ThreeSubnets();
        var boxSg = w.B.SecurityGroup("box-sg", w.Vpc);
        w.B.Ingress(boxSg, "tcp", 443, 443, "10.1.1.0/24"); // admits requests only, never the replies
        var (_, box) = w.B.Instance("box", w.S3, [boxSg], sourceDestCheck: false);
        w.B.Route(w.B.RouteTable("rt1", w.Vpc, w.S1), "10.1.2.0/24", box);
        w.B.Route(w.B.RouteTable("rt2", w.Vpc, w.S2), "10.1.1.0/24", box);
        w.B.Instance("client", w.S1, [w.Open]);
        w.B.Instance("server", w.S2, [w.Open]);
        var trace = w.B.Compile().Run("client", "server");
        trace.AssertAccepted();
        Assert.Contains(trace.Return, h => h.Component.Id == box.Value);
    }

    // Choice: a middlebox does not preserve the sender's security group identity.
    [Fact]
    public void Middlebox_GroupReferenceAfterRelay_DoesNotMatch()
    {
        var w = new ThreeSubnets();
        var clientSg = w.B.SecurityGroup("client-sg", w.Vpc);
        var serverSg = w.B.SecurityGroup("server-sg", w.Vpc);
        w.B.Ingress(serverSg, "tcp", 443, 443, clientSg.Value);
        var (_, box) = w.B.Instance("box", w.S3, [w.Open], sourceDestCheck: false);
        w.B.Route(w.B.RouteTable("rt1", w.Vpc, w.S1), "10.1.2.0/24", box);
        w.B.Instance("client", w.S1, [clientSg]);
        w.B.Instance("server", w.S2, [serverSg]);
        w.B.Compile().Run("client", "server").AssertDropped(ExplanationCode.EniSgRulesMismatch);
    }

    // Choice: an interface whose instance is not running receives nothing.
    [Fact]
    public void Destination_StoppedInstance_BadState()
    {
        var w = new ThreeSubnets();
        w.B.Instance("client", w.S1, [w.Open]);
        var (server, _) = w.B.Instance("server", w.S2, [w.Open]);
        w.B.SetInstanceState(server, InstanceState.Stopped);
        w.B.Compile().Run("client", "server").AssertDropped(ExplanationCode.BadState);
    }

    // Choice: an address of the VPC that no interface owns → NO_POSSIBLE_DESTINATION.
    [Theory]
    [InlineData("10.1.2.99")] // another subnet, through the local route
    [InlineData("10.1.1.99")] // the same subnet, layer 2
    public void Destination_UnusedAddress_NoPossibleDestination(string address)
    {
        var w = new ThreeSubnets();
        w.B.Instance("client", w.S1, [w.Open]);
        w.B.Compile().Run("client", address).AssertDropped(ExplanationCode.NoPossibleDestination);
    }

    // Choice: ICMP carries type/code in DestinationPort; an echo request is answered by an echo reply, which the
    // NACLs see on the way back.
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.2", 1, 8, 0)]
    [InlineData("2001:db8::1", "2001:db8::2", 58, 128, 129)]
    public void FlowKey_IcmpEcho_ReplyIsEchoReply(string a, string b, int protocol, int request, int reply)
    {
        var flow = FlowKey.Icmp(IpAddress.Parse(a), IpAddress.Parse(b));
        Assert.Equal(protocol, flow.Protocol.Number);
        Assert.Equal(request, flow.IcmpType);
        Assert.Equal(reply, flow.Reply().IcmpType);
        Assert.Equal(flow.Source, flow.Reply().Destination);
    }

    [Theory]
    [InlineData("0:-1", "ACCEPT")]                 // echo replies allowed back in
    [InlineData("3:4", "SUBNET_ACL_RESTRICTION")]  // only "fragmentation needed": the echo reply is denied
    public void IcmpEchoReply_InboundNetworkAclEntry_AcceptedOnlyWhenEchoReplyAllowed(string inboundIcmp, string expected)
    {
        var w = new ThreeSubnets();
        var acl = w.B.NetworkAcl("client-acl", w.Vpc, w.S1);
        w.B.AclEntry(acl, 100, egress: true, "icmp", "allow", "0.0.0.0/0", "8:-1");
        w.B.AclEntry(acl, 100, egress: false, "icmp", "allow", "0.0.0.0/0", inboundIcmp);
        w.B.Instance("client", w.S1, [w.Open]);
        w.B.Instance("server", w.S2, [w.Open]);
        w.B.Compile().Run("client", "server", "icmp").AssertVerdict(expected, PathDirection.Return);
    }
}

public class MalformedSnapshotTests
{
    [Fact]
    public void Compile_EmptyNetwork_Works()
    {
        var world = CompiledNetwork.Compile(Network.Empty);
        Assert.Equal(0, world.InterfaceCount);
        Assert.Equal(Verdict.Dropped, world.Decide(FlowKey.Tcp(IpAddress.Parse("8.8.8.8"), IpAddress.Parse("1.1.1.1"), 443), -1).Verdict);
    }

    // A snapshot without the VPC's main route table or default NACL (AWS always has both) still compiles: the
    // stand-in main table has the local routes, the stand-in NACL denies everything.
    [Fact]
    public void Compile_VpcWithoutMainTableOrNacl_LocalOnlyAndDeny()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16");
        var s1 = b.Subnet("s1", vpc, "10.1.1.0/24");
        var s2 = b.Subnet("s2", vpc, "10.1.2.0/24");
        b.Instance("a", s1, [b.DefaultSecurityGroup(vpc)]);
        b.Instance("b", s2, [b.DefaultSecurityGroup(vpc)]);
        var network = b.Build();
        network = network with
        {
            RouteTables = network.RouteTables.RemoveRange(network.RouteTables.Keys),
            NetworkAcls = network.NetworkAcls.RemoveRange(network.NetworkAcls.Keys),
        };
        var world = CompiledNetwork.Compile(network);
        world.Run("a", "b").AssertDropped(ExplanationCode.SubnetAclRestriction);
    }
}
