using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

public class InternetGatewayTests
{
    // AWS: IPv4 to the internet needs a route to the IGW and a public IPv4 or Elastic IP on the source address.
    [Theory]
    [InlineData("web-1", "ACCEPT")]                                   // auto-assigned public IP
    [InlineData("web-2", "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS")]     // public subnet, no public IP
    public void Egress_PublicSubnetWithOrWithoutPublicIp_AcceptedOnlyWithPublicIp(string from, string expected) =>
        new SeedWorld().Compile().Run(from, "8.8.8.8").AssertVerdict(expected);

    [Fact]
    public void Egress_ElasticIp_IsUsed()
    {
        var seed = new SeedWorld(s => s.B.ElasticIp(s.Web2.Interface, "3.3.3.3"));
        var trace = seed.Compile().Run("web-2", "8.8.8.8");
        trace.AssertAccepted();
        var igw = trace.Forward.Single(h => h.Component.Kind == ComponentKind.InternetGateway);
        Assert.Equal(HopAction.Translated, igw.Action);
        Assert.Equal(IpAddress.Parse("3.3.3.3"), igw.OutboundHeader.Source);
    }

    // AWS: the IGW does 1:1 NAT: private → public on the way out, public → private on the way in.
    [Fact]
    public void Egress_TranslatesSourceToPublic_AndReplyBack()
    {
        var seed = new SeedWorld();
        var world = seed.Compile();
        var trace = world.Run("web-1", "8.8.8.8");
        trace.AssertAccepted();
        var publicIp = seed.B.InterfaceModel(seed.Web1.Interface).PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;
        var privateIp = seed.B.InterfaceModel(seed.Web1.Interface).PrimaryPrivateIp;
        Assert.Equal(privateIp, trace.Forward[0].OutboundHeader.Source);
        Assert.Equal(publicIp, trace.Forward.Single(h => h.Component.Kind == ComponentKind.InternetGateway).OutboundHeader.Source);
        Assert.Equal(publicIp, trace.Return[0].OutboundHeader.Destination);
        Assert.Equal(privateIp, trace.Return.Single(h => h.Component.Kind == ComponentKind.InternetGateway).OutboundHeader.Destination);
        Assert.Equal(ComponentKind.NetworkInterface, trace.Return[^1].Component.Kind);
        Assert.Equal(HopAction.Delivered, trace.Return[^1].Action);
    }

    // AWS: from the internet only an associated public IP is reachable; then NACL inbound and SG ingress apply.
    [Theory]
    [InlineData(443, "ACCEPT")]
    [InlineData(80, "ACCEPT")]
    [InlineData(22, "ENI_SG_RULES_MISMATCH")]   // SSH only from the admin network
    [InlineData(8080, "ENI_SG_RULES_MISMATCH")]
    public void Ingress_ToPublicIp_ThenSecurityGroup(int port, string expected) =>
        new SeedWorld().Compile().Run("198.51.100.7", "web-1", port: (ushort)port).AssertVerdict(expected);

    [Fact]
    public void Ingress_FromAdminNetwork_Ssh_Accepted() =>
        new SeedWorld().Compile().Run("203.0.113.9", "web-1", port: 22).AssertAccepted();

    // AWS: the IGW delivers only to associated public addresses (RA: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS).
    [Theory]
    [InlineData("web-2")]   // no public IP: the trace addresses its private IP
    [InlineData("10.0.0.10")]
    public void Ingress_ToPrivateAddress_Dropped(string to) =>
        new SeedWorld().Compile().Run("198.51.100.7", to).AssertDropped(ExplanationCode.IgwPrivateIpAssociationForIngress);

    // AWS: the IGW drops egress to RFC1918 destinations.
    [Theory]
    [InlineData("192.168.1.1")]
    [InlineData("172.16.5.5")]
    public void Egress_ToRfc1918_Dropped(string destination) =>
        new SeedWorld().Compile().Run("web-1", destination).AssertDropped(ExplanationCode.IgwDestinationAddressNotInRfc1918Egress);

    // AWS: the IGW drops ingress from RFC1918 sources... which cannot be internet sources in a trace, so the
    // rule is checked through the fast path with a raw flow.
    [Fact]
    public void Ingress_FromRfc1918Source_Dropped()
    {
        var seed = new SeedWorld();
        var world = seed.Compile();
        var publicIp = seed.B.InterfaceModel(seed.Web1.Interface).PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;
        var flow = FlowKey.Tcp(IpAddress.Parse("192.168.7.7"), publicIp, 443);
        var trace = world.Trace(flow, -1);
        trace.AssertDropped(ExplanationCode.IgwSourceAddressNotInRfc1918Ingress);
        Assert.Equal(DropReason.IgwSourceAddressNotInRfc1918Ingress, world.Decide(flow, -1).Reason);
    }

    // AWS: IPv6 passes the IGW unchanged, both ways; inbound IPv6 is possible through an IGW.
    [Fact]
    public void Ipv6_PassesUnchanged_BothWays()
    {
        var world = new SeedWorld().Compile();
        var outbound = world.Run("web-1", "2001:4860:4860::8888");
        outbound.AssertAccepted();
        var igw = outbound.Forward.Single(h => h.Component.Kind == ComponentKind.InternetGateway);
        Assert.Equal(HopAction.Forwarded, igw.Action);
        Assert.Equal(outbound.Flow.Source, igw.OutboundHeader.Source);
        world.Run("2001:db8::1", "web-1", port: 443).AssertAccepted();
    }

    // AWS: a public IP in a subnet without a route to the IGW does not help: outbound has no route, and an
    // inbound request arrives but its reply has no way out.
    [Fact]
    public void PublicIp_SubnetWithoutInternetGatewayRoute_NoRouteEitherWay()
    {
        var seed = new SeedWorld(s =>
        {
            var sg = s.B.SecurityGroup("open", s.Vpc);
            s.B.Ingress(sg, "tcp", 443, 443, "0.0.0.0/0");
            var subnet = s.B.Subnet("stray-subnet", s.Vpc, "10.0.30.0/24");
            s.B.Instance("stray", subnet, [sg], publicIp: true);
        });
        var world = seed.Compile();
        world.Run("stray", "8.8.8.8").AssertDropped(ExplanationCode.NoRouteToDestination);
        world.Run("198.51.100.7", "stray").AssertDropped(ExplanationCode.NoRouteToDestination, PathDirection.Return);
    }

    // An instance reaching another's public IP leaves through the IGW and comes back in through it.
    [Fact]
    public void InstanceToPublicIp_OfAnotherInstance_GoesOutAndBackInThroughTheInternetGateway()
    {
        var seed = new SeedWorld(s => s.B.ElasticIp(s.Web2.Interface, "3.3.3.3"));
        var trace = seed.Compile().Run("web-1", "3.3.3.3");
        trace.AssertAccepted();
        Assert.Equal(2, trace.Forward.Count(h => h.Component.Kind == ComponentKind.InternetGateway));
    }

    // A VPC without an internet gateway cannot be reached from the internet at all.
    [Fact]
    public void Ingress_VpcWithoutGateway_NoPath()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16", "2600:1f18:aaaa:bb00::/56");
        var s = b.Subnet("s", vpc, "10.1.1.0/24", "2600:1f18:aaaa:bb01::/64");
        b.Instance("x", s, [b.DefaultSecurityGroup(vpc)], ipv6: true);
        b.Compile().Run("2001:db8::1", "x").AssertDropped(ExplanationCode.NoPath);
    }
}

public class EgressOnlyInternetGatewayTests
{
    // AWS: an EIGW lets IPv6 connections out and their replies back.
    [Fact]
    public void Ipv6Out_ThroughEigw_ReplyReturns()
    {
        var trace = new SeedWorld().Compile().Run("app-1", "2001:4860:4860::8888");
        trace.AssertAccepted();
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.EgressOnlyInternetGateway);
        Assert.Contains(trace.Return, h => h.Component.Kind == ComponentKind.EgressOnlyInternetGateway);
    }

    // AWS: nothing from the internet opens a connection through an EIGW. With an IGW attached too, the request
    // gets in but the reply is routed to the EIGW, which refuses it; without an IGW the EIGW refuses the request.
    [Fact]
    public void Ipv6In_SubnetRoutedToEigw_ReplyRefused()
    {
        var seed = new SeedWorld(s => s.B.Ingress(s.AppSg, "tcp", 443, 443, "::/0"));
        seed.Compile().Run("2001:db8::1", "app-1", port: 443)
            .AssertDropped(ExplanationCode.EgressOnlyInboundRefused, PathDirection.Return);
    }

    [Fact]
    public void Ipv6In_VpcWithOnlyEigw_Refused()
    {
        var seed = new SeedWorld(s =>
        {
            s.B.Ingress(s.AppSg, "tcp", 443, 443, "::/0");
            s.B.DetachInternetGateway(s.Igw);
        });
        seed.Compile().Run("2001:db8::1", "app-1", port: 443).AssertDropped(ExplanationCode.EgressOnlyInboundRefused);
    }

    [Fact]
    public void Ipv4_RoutedToEgressOnlyInternetGateway_ProtocolRestriction()
    {
        var seed = new SeedWorld(s => s.B.Route(s.AppRt, "8.8.8.0/24", s.Eigw));
        seed.Compile().Run("app-1", "8.8.8.8").AssertDropped(ExplanationCode.ProtocolRestriction);
    }
}

public class NatGatewayTests
{
    // AWS: a private instance reaches the internet through the NAT gateway, which rewrites the source to its
    // private IP and a port in 1024–65535; the IGW then maps that to the NAT's Elastic IP.
    [Fact]
    public void PrivateInstance_ToInternet_LeavesThroughNatGateway()
    {
        var seed = new SeedWorld();
        var trace = seed.Compile().Run("app-1", "8.8.8.8");
        trace.AssertAccepted();
        var kinds = trace.Forward.Select(h => h.Component.Kind).ToList();
        Assert.Equal(
            [ComponentKind.NetworkInterface, ComponentKind.SecurityGroup, ComponentKind.NetworkAcl, ComponentKind.RouteTable,
             ComponentKind.NetworkAcl, ComponentKind.NatGateway, ComponentKind.NetworkAcl, ComponentKind.RouteTable,
             ComponentKind.InternetGateway, ComponentKind.Internet],
            kinds);
        var nat = seed.B.Build().NatGateways[seed.NatA];
        var natHop = trace.Forward.Single(h => h.Component.Kind == ComponentKind.NatGateway);
        Assert.Equal(HopAction.Translated, natHop.Action);
        Assert.Equal(nat.PrivateIp, natHop.OutboundHeader.Source);
        Assert.InRange(natHop.OutboundHeader.SourcePort, (ushort)1024, ushort.MaxValue);
        Assert.Contains(natHop.Explanations, e => e.Code == ExplanationCode.NgwSourceAddressReassign);
        Assert.Equal(nat.PublicIp, trace.Forward.Single(h => h.Component.Kind == ComponentKind.InternetGateway).OutboundHeader.Source);
        // The reply comes back through the IGW and the NAT to app-1's private address and original port.
        Assert.Equal(trace.Flow.Reply(), trace.Return[^1].OutboundHeader.ToFlowKey());
    }

    // AWS: the NAT gateway sits in another subnet, so the NACLs of both subnets are crossed.
    [Theory]
    [InlineData("inbound-from-app", "SUBNET_ACL_RESTRICTION", PathDirection.Forward)]
    [InlineData("outbound-to-internet", "SUBNET_ACL_RESTRICTION", PathDirection.Forward)]
    [InlineData("no-return-ports", "SUBNET_ACL_RESTRICTION", PathDirection.Return)]
    [InlineData("all", "ACCEPT", PathDirection.Forward)]
    public void NatSubnetAcl_AppliesBothWays(string allowed, string expected, PathDirection direction)
    {
        var seed = new SeedWorld(s =>
        {
            var acl = s.B.NetworkAcl("public-acl", s.Vpc, s.PublicA);
            if (allowed != "inbound-from-app")
                s.B.AclEntry(acl, 100, egress: false, "tcp", "allow", "10.0.0.0/16", "443");
            if (allowed != "outbound-to-internet")
                s.B.AclEntry(acl, 100, egress: true, "tcp", "allow", "0.0.0.0/0", "443");
            if (allowed != "no-return-ports")
            {
                s.B.AclEntry(acl, 110, egress: false, "tcp", "allow", "0.0.0.0/0", "1024-65535");
                s.B.AclEntry(acl, 110, egress: true, "tcp", "allow", "10.0.0.0/16", "1024-65535");
            }
        });
        seed.Compile().Run("app-1", "8.8.8.8").AssertVerdict(expected, direction);
    }

    // AWS: nothing outside can open a connection through (or to) a NAT gateway.
    [Fact]
    public void Internet_ToNatElasticIp_Refused()
    {
        var seed = new SeedWorld();
        var nat = seed.B.Build().NatGateways[seed.NatA];
        seed.Compile().Run("198.51.100.7", nat.PublicIp!.Value.ToString()).AssertDropped(ExplanationCode.NatGatewayInboundRefused);
    }

    // AWS: a private NAT gateway has no Elastic IP: the IGW drops its traffic.
    [Fact]
    public void PrivateNatGateway_ToInternet_DroppedAtIgw()
    {
        var seed = new SeedWorld(s =>
        {
            var priv = s.B.NatGateway("private-nat", s.PublicB, isPublic: false);
            s.B.Route(s.AppRt, "0.0.0.0/0", priv);
        });
        seed.Compile().Run("app-1", "8.8.8.8").AssertDropped(ExplanationCode.IgwPublicIpAssociationForEgress);
    }

    // AWS: NAT gateways carry IPv4 TCP, UDP and ICMP only.
    [Theory]
    [InlineData("udp", "ACCEPT")]
    [InlineData("icmp", "ACCEPT")]
    [InlineData("47", "PROTOCOL_RESTRICTION")]
    public void Protocols(string protocol, string expected) =>
        new SeedWorld().Compile().Run("app-1", "8.8.8.8", protocol, 53).AssertVerdict(expected);

    // A reply routed into a NAT gateway that did not carry the request never reaches the client.
    [Fact]
    public void InboundToPublicIp_ReplyRoutedThroughNat_Asymmetric()
    {
        var seed = new SeedWorld(s => s.B.ElasticIp(s.App1.Interface, "3.3.3.3"));
        seed.Compile().Run("198.51.100.7", "3.3.3.3", port: 8080)
            .AssertDropped(ExplanationCode.EniSgRulesMismatch);
        var open = new SeedWorld(s =>
        {
            s.B.ElasticIp(s.App1.Interface, "3.3.3.3");
            s.B.Ingress(s.AppSg, "tcp", 8080, 8080, "0.0.0.0/0");
        });
        open.Compile().Run("198.51.100.7", "3.3.3.3", port: 8080)
            .AssertDropped(ExplanationCode.AsymmetricReturnPath, PathDirection.Return);
    }
}

public class ServiceAddressTests
{
    // AWS: traffic to the Amazon DNS resolver and to instance metadata is never filtered by SGs or NACLs.
    [Theory]
    [InlineData("10.0.0.2", ComponentKind.AmazonDnsResolver)]
    [InlineData("169.254.169.253", ComponentKind.AmazonDnsResolver)]
    [InlineData("169.254.169.254", ComponentKind.InstanceMetadataService)]
    public void Resolver_AndMetadata_NotFiltered(string address, ComponentKind kind)
    {
        var seed = new SeedWorld(s =>
        {
            s.B.ClearRules(s.DbSg, egress: true);                        // no egress at all
            var deny = s.B.NetworkAcl("deny-all", s.Vpc, s.DbA);        // deny everything both ways
            _ = deny;
        });
        var trace = seed.Compile().Run("db-1", address, "udp", 53);
        trace.AssertAccepted();
        Assert.Equal(kind, trace.Forward[^1].Component.Kind);
        Assert.DoesNotContain(trace.Forward, h => h.Component.Kind is ComponentKind.SecurityGroup or ComponentKind.NetworkAcl);
    }

    [Fact]
    public void Resolver_Ipv6_NotFiltered() =>
        new SeedWorld().Compile().Run("app-1", "fd00:ec2::253", "udp", 53).AssertAccepted();

    // Choice (docs/semantics.md): with enableDnsSupport off the resolver does not answer.
    [Fact]
    public void Resolver_DnsSupportOff_Dropped()
    {
        var seed = new SeedWorld(s => s.B.SetDnsSupport(s.Vpc, false));
        seed.Compile().Run("db-1", "169.254.169.253", "udp", 53).AssertDropped(ExplanationCode.DnsSupportDisabled);
    }
}
