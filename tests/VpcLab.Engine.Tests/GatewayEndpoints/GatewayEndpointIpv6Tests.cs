using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.GatewayEndpoints;

/// <summary>IPv6 through gateway endpoints (docs/semantics.md#gateway-endpoint-ipv6). Spec (d): the endpoint's IP
/// address type decides which of the service's AWS-managed prefix lists its routes name — ipv4 the IPv4 list, ipv6
/// the IPv6 list (com.amazonaws.REGION.ipv6.s3), dualstack both — and IPv6 traffic from a VPC whose endpoint is
/// IPv4-only does not use the endpoint (it takes another IPv6 path if one exists).</summary>
public class GatewayEndpointIpv6Tests
{
    /// <summary>A dual-stack VPC beside the lab's: subnet with an IPv6 /64, ::/0 → eigw (or no IPv6 default route), no
    /// IPv4 default route, instance dual-1 with an IPv6 address, an S3 gateway endpoint of the given type routed from
    /// its table, as CreateVpcEndpoint routes it.</summary>
    private static (CompiledNetwork World, NetworkInterfaceId Dual1) Build(VpcEndpointIpAddressType type, bool eigw)
    {
        var lab = new GatewayEndpointLab();
        var vpc = lab.B.Vpc("dual", "10.1.0.0/16", ipv6: "2600:1f18:1234:5600::/56");
        var subnet = lab.B.Subnet("dual-a", vpc, "10.1.0.0/24", ipv6: "2600:1f18:1234:5600::/64");
        var table = lab.B.RouteTable("dual-rt", vpc, subnet);
        if (eigw)
            lab.B.Route(table, "::/0", lab.B.EgressOnlyInternetGateway("eigw", vpc));
        var dual1 = lab.B.Instance("dual-1", subnet, [lab.B.SecurityGroup("dual-sg", vpc)], ipv6: true);
        lab.GatewayEndpoint(tables: [table], vpc: vpc, ipAddressType: type);
        return (lab.Compile(), dual1.Interface);
    }

    public static TheoryData<string, VpcEndpointIpAddressType, bool, string, string> Cases => new()
    {
        // AWS rule (spec (d)): dualstack and ipv6 endpoints route S3's IPv6 prefix list; the IPv6 flow goes through
        // the endpoint, even past ::/0 → eigw (the list's /40 is the longer prefix).
        { "dualstack, eigw", VpcEndpointIpAddressType.Dualstack, true, GatewayEndpointLab.S3Ipv6, "endpoint" },
        { "dualstack, no IPv6 default route", VpcEndpointIpAddressType.Dualstack, false, GatewayEndpointLab.S3Ipv6, "endpoint" },
        { "ipv6, eigw", VpcEndpointIpAddressType.Ipv6, true, GatewayEndpointLab.S3Ipv6, "endpoint" },
        // AWS rule: an ipv4 endpoint routes only the IPv4 list: the IPv6 flow takes the other IPv6 path, or has none.
        { "ipv4, eigw", VpcEndpointIpAddressType.Ipv4, true, GatewayEndpointLab.S3Ipv6, "eigw" },
        { "ipv4, no IPv6 default route", VpcEndpointIpAddressType.Ipv4, false, GatewayEndpointLab.S3Ipv6, "NO_ROUTE_TO_DESTINATION" },
        // AWS rule: gateway endpoints are same-Region only: S3's IPv6 range in eu-west-1 is in no us-east-1 list.
        { "dualstack, S3 of another Region", VpcEndpointIpAddressType.Dualstack, true, GatewayEndpointLab.S3Ipv6EuWest1, "eigw" },
        // AWS rule: an ipv6 endpoint routes only the IPv6 list: IPv4 S3 traffic does not use it (no IPv4 default route).
        { "ipv6, IPv4 flow", VpcEndpointIpAddressType.Ipv6, true, GatewayEndpointLab.S3, "NO_ROUTE_TO_DESTINATION" },
        { "ipv4, IPv4 flow", VpcEndpointIpAddressType.Ipv4, true, GatewayEndpointLab.S3, "endpoint" },
        { "dualstack, IPv4 flow", VpcEndpointIpAddressType.Dualstack, true, GatewayEndpointLab.S3, "endpoint" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FlowToS3_UsesTheGatewayEndpointOnlyThroughTheListOfItsFamily(string @case, VpcEndpointIpAddressType type, bool eigw,
        string destination, string expected)
    {
        var t = Build(type, eigw).World.Run("dual-1", destination);
        var family = IpAddress.Parse(destination).Family;
        switch (expected)
        {
            case "endpoint":
                t.AssertAccepted();
                Assert.Contains(t.Forward, h => h.Component.Kind == ComponentKind.GatewayEndpoint);
                Assert.DoesNotContain(t.Forward, h => h.Component.Kind == ComponentKind.EgressOnlyInternetGateway);
                var route = t.Forward.Last(h => h.Route is not null).Route!;
                // The route names the list of the flow's family, and that list holds only that family.
                Assert.Equal(GatewayEndpointLab.PrefixList("s3", family: family), route.DestinationPrefixListId);
                Assert.Equal(family, route.MatchedCidr!.Value.Family);
                if (family == IpFamily.V6)
                    Assert.Equal("2600:1fa0::/40", route.MatchedCidr!.Value.ToString());
                break;
            case "eigw":
                t.AssertAccepted();
                Assert.DoesNotContain(t.Forward, h => h.Component.Kind == ComponentKind.GatewayEndpoint);
                Assert.Contains(t.Forward, h => h.Component.Kind == ComponentKind.EgressOnlyInternetGateway);
                break;
            default:
                t.AssertDropped(new ExplanationCode(expected));
                break;
        }
        _ = @case; // names the row
    }

    // AWS (S3 dual-stack endpoints, https://docs.aws.amazon.com/AmazonS3/latest/userguide/dual-stack-endpoints.html):
    // s3.dualstack.REGION.amazonaws.com answers A and AAAA, the AAAA inside S3's IPv6 range; s3.REGION.amazonaws.com
    // stays A only. The VPC resolver gives the public records (a gateway endpoint changes routes, not DNS).
    [Theory]
    [InlineData("s3.dualstack.us-east-1.amazonaws.com", "3.5.0.10 2600:1fa0::a")]
    [InlineData("s3.us-east-1.amazonaws.com", "3.5.0.10")]
    [InlineData("s3.dualstack.eu-west-1.amazonaws.com", "3.5.64.10 2600:1fa0:200::a")]
    public void S3DualStackName_AnswersAAndAaaa_FromTheVpcResolver(string name, string expected)
    {
        var (world, dual1) = Build(VpcEndpointIpAddressType.Dualstack, eigw: true);
        var vpc = world.Network.NetworkInterfaces[dual1].VpcId;
        var answer = VpcLab.Engine.Dns.DnsResolver.For(world.Network).Resolve(vpc.Value, name);
        Assert.Equal(expected, string.Join(' ', answer.Addresses));
    }

    // A trace to the dual-stack name from a client with an IPv6 address connects to the AAAA (RFC 6724's default
    // policy, as for other dual-stack answers) and reaches S3 through the dualstack endpoint.
    [Fact]
    public void Trace_ToS3DualStackName_ClientPrefersAaaa_GoesThroughTheEndpoint()
    {
        var world = Build(VpcEndpointIpAddressType.Dualstack, eigw: true).World;
        var resolver = new EndpointResolver(world.Network);
        var source = resolver.Resolve("dual-1");
        var t = world.Trace(new TraceRequest(source, resolver.Resolve("s3.dualstack.us-east-1.amazonaws.com", source), IpProtocol.Tcp, 443,
            FlowKey.DefaultEphemeralPort, null)).AssertWellFormed();
        t.AssertAccepted();
        Assert.Equal(IpAddress.Parse(GatewayEndpointLab.S3Ipv6), t.Flow.Destination);
        Assert.Contains(t.Forward, h => h.Component.Kind == ComponentKind.GatewayEndpoint);
    }

    // The engine routes each list into its family's table: S3's IPv6 list holds no IPv4 range and the IPv4 list no IPv6.
    [Fact]
    public void AwsManagedS3Lists_EachHoldsOneFamily()
    {
        var n = new GatewayEndpointLab().Build();
        Assert.All(n.PrefixLists[GatewayEndpointLab.PrefixList("s3")].Entries, e => Assert.Equal(IpFamily.V4, e.Cidr.Family));
        var v6 = n.PrefixLists[GatewayEndpointLab.PrefixList("s3", family: IpFamily.V6)];
        Assert.Equal((IpFamily.V6, "com.amazonaws.us-east-1.ipv6.s3"), (v6.AddressFamily, v6.Name));
        Assert.Equal(["2600:1fa0::/40"], v6.Entries.Select(e => e.Cidr.ToString()));
    }

    // Decide stays allocation-free on IPv6 flows through a dualstack gateway endpoint (the lists are expanded into
    // the family tables when the network is compiled, not per packet).
    [Fact]
    public void Decide_Ipv6ThroughDualstackGatewayEndpoint_DoesNotAllocate()
    {
        var (world, dual1) = Build(VpcEndpointIpAddressType.Dualstack, eigw: true);
        var eni = world.Network.NetworkInterfaces[dual1];
        var flows = new[]
        {
            FlowKey.Tcp(eni.Ipv6Addresses[0], IpAddress.Parse(GatewayEndpointLab.S3Ipv6), 443),
            FlowKey.Tcp(eni.PrimaryPrivateIp, IpAddress.Parse(GatewayEndpointLab.S3), 443),
        };
        int source = world.InterfaceIndexOf(dual1);
        foreach (var f in flows)
            world.Decide(f, source); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = 0;
        for (int i = 0; i < 10; i++)
            foreach (var f in flows)
                accepted += world.Decide(f, source).IsAccepted ? 1 : 0;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20, accepted);
    }

    // Flow logs over IPv6 (flow-logs.md §2.5): the sender's egress through the endpoint is traffic-path 7, the reply
    // from S3's IPv6 address arrives unchanged.
    [Fact]
    public void Observe_Ipv6ThroughDualstackEndpoint_SenderEgressIsTrafficPath7()
    {
        var (world, dual1) = Build(VpcEndpointIpAddressType.Dualstack, eigw: true);
        var src = world.Network.NetworkInterfaces[dual1].Ipv6Addresses[0];
        var s3 = IpAddress.Parse(GatewayEndpointLab.S3Ipv6);
        var flow = FlowKey.Tcp(src, s3, 443, 40000);
        var into = new FlowObservations();
        int source = world.InterfaceIndexOf(dual1);
        Assert.Equal(world.Decide(in flow, source), world.Observe(in flow, source, into));
        Assert.Equal(2, into.Count);
        Assert.Equal((TrafficDirection.Egress, TrafficPath.GatewayEndpoint, true), (into[0].Direction, into[0].EgressPath, into[0].Accepted));
        Assert.Equal((TrafficDirection.Ingress, s3, true), (into[1].Direction, into[1].Packet.Source, into[1].Accepted));
    }
}
