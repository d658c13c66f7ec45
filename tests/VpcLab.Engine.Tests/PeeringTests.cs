using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>The data plane of VPC peering (spec gateways-endpoints-peering.md §f "Rules the data plane must
/// enforce"; reachability.md §1.4). Three VPCs in a line, A ↔ B ↔ C, with routes on both sides of each peering;
/// B has an internet gateway and a NAT gateway; A's main table also sends 10.2/16 (C) and 0.0.0.0/0 to the A–B
/// peering, so the transitive and edge-to-edge attempts are routed and must be refused by the peering itself.</summary>
public class PeeringTests
{
    private static readonly AccountId OtherAccount = new("222222222222");

    /// <summary>Variations of the A–B–C world, one per rule exercised.</summary>
    [Flags]
    public enum Variant
    {
        None = 0,
        /// <summary>B has no route back to A (nor a default route).</summary>
        NoReturnRoute = 1,
        /// <summary>B's main table sends 0.0.0.0/0 to its NAT gateway (else to its internet gateway).</summary>
        PeerDefaultViaNat = 2,
        /// <summary>B is in us-west-2.</summary>
        CrossRegion = 4,
        /// <summary>B belongs to another account.</summary>
        CrossAccount = 8,
        /// <summary>The A–B peering is pending acceptance.</summary>
        Pending = 16,
        /// <summary>The A–B peering was deleted.</summary>
        Deleted = 32,
        /// <summary>B's subnet NACL denies inbound from A.</summary>
        PeerAclDeniesA = 64,
    }

    private static CompiledNetwork World(Variant v)
    {
        var b = new WorldBuilder();
        var vpcA = b.Vpc("vpc-a", "10.0.0.0/16", "2600:1f18:aaaa:a00::/56");
        var vpcB = b.Vpc("vpc-b", "10.1.0.0/16", "2600:1f18:bbbb:b00::/56",
            owner: v.HasFlag(Variant.CrossAccount) ? OtherAccount : null,
            region: v.HasFlag(Variant.CrossRegion) ? "us-west-2" : null);
        var vpcC = b.Vpc("vpc-c", "10.2.0.0/16");
        var subnetA = b.Subnet("a", vpcA, "10.0.1.0/24", "2600:1f18:aaaa:a01::/64");
        var subnetB = b.Subnet("b", vpcB, "10.1.1.0/24", "2600:1f18:bbbb:b01::/64");
        var publicB = b.Subnet("b-public", vpcB, "10.1.0.0/24");
        var subnetC = b.Subnet("c", vpcC, "10.2.1.0/24");

        var state = v.HasFlag(Variant.Pending) ? VpcPeeringConnectionState.PendingAcceptance
            : v.HasFlag(Variant.Deleted) ? VpcPeeringConnectionState.Deleted
            : VpcPeeringConnectionState.Active;
        var ab = b.Peering("a-b", vpcA, vpcB, state);
        var bc = b.Peering("b-c", vpcB, vpcC);

        var igwB = b.InternetGateway("igw-b", vpcB);
        var natB = b.NatGateway("nat-b", publicB);
        var publicRtB = b.RouteTable("b-public-rt", vpcB, publicB);
        b.Route(publicRtB, "0.0.0.0/0", igwB);

        var rtA = b.MainRouteTable(vpcA);
        b.Route(rtA, "10.1.0.0/16", ab);
        b.Route(rtA, "2600:1f18:bbbb:b00::/56", ab);
        b.Route(rtA, "10.2.0.0/16", ab);    // transitive attempt: C is only peered with B
        b.Route(rtA, "0.0.0.0/0", ab);      // edge-to-edge attempt: B's way out to the internet
        var rtB = b.MainRouteTable(vpcB);
        if (!v.HasFlag(Variant.NoReturnRoute))
        {
            b.Route(rtB, "10.0.0.0/16", ab);
            b.Route(rtB, "2600:1f18:aaaa:a00::/56", ab);
        }
        b.Route(rtB, "10.2.0.0/16", bc);
        if (v.HasFlag(Variant.PeerDefaultViaNat))
            b.Route(rtB, "0.0.0.0/0", natB);
        else if (!v.HasFlag(Variant.NoReturnRoute))   // else the reply would take the default route
            b.Route(rtB, "0.0.0.0/0", igwB);
        var rtC = b.MainRouteTable(vpcC);
        b.Route(rtC, "10.1.0.0/16", bc);
        b.Route(rtC, "10.0.0.0/16", bc);    // transitive attempt the other way

        var sgA = b.SecurityGroup("sg-a", vpcA);
        var sgB = b.SecurityGroup("sg-b", vpcB);
        b.Ingress(sgB, "tcp", 443, 443, "10.0.0.0/16");
        b.Ingress(sgB, "tcp", 443, 443, "2600:1f18:aaaa:a00::/56");
        b.Ingress(sgB, "tcp", 8080, 8080, sgA.Value);   // a reference to the peer VPC's group
        var sgC = b.SecurityGroup("sg-c", vpcC);
        b.Ingress(sgC, "tcp", 443, 443, "10.0.0.0/8");

        b.Instance("a-1", subnetA, [sgA], ipv6: true);
        b.Instance("b-1", subnetB, [sgB], publicIp: true, ipv6: true);
        b.Instance("c-1", subnetC, [sgC]);

        if (v.HasFlag(Variant.PeerAclDeniesA))
        {
            var acl = b.NetworkAcl("b-acl", vpcB, subnetB);
            b.AclEntry(acl, 10, egress: false, "-1", "deny", "10.0.0.0/16");
            b.AclEntry(acl, 100, egress: false, "-1", "allow", "0.0.0.0/0");
            b.AclEntry(acl, 100, egress: true, "-1", "allow", "0.0.0.0/0");
        }
        return b.Compile();
    }

    public static TheoryData<string, Variant, string, string, ushort, string, PathDirection> Cases => new()
    {
        // AWS: with routes to the peering on both sides, instances reach each other by private IPv4.
        { "routes on both sides", Variant.None, "a-1", "b-1", 443, "ACCEPT", PathDirection.Forward },
        // AWS: "both sides need routes": the reply finds no route back in B's table.
        { "one side only", Variant.NoReturnRoute, "a-1", "b-1", 443, "NO_ROUTE_TO_DESTINATION", PathDirection.Return },
        // AWS: peering is not transitive: C is peered with B, not A (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR).
        { "not transitive A to C", Variant.None, "a-1", "c-1", 443, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", PathDirection.Forward },
        { "not transitive C to A", Variant.None, "c-1", "a-1", 443, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", PathDirection.Forward },
        // AWS: no edge to edge: A may not use B's internet gateway or NAT gateway.
        { "no edge to edge: B's IGW", Variant.None, "a-1", "8.8.8.8", 443, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", PathDirection.Forward },
        { "no edge to edge: B's NAT", Variant.PeerDefaultViaNat, "a-1", "8.8.8.8", 443, "NGW_REQUIRES_SOURCE_IN_VPC", PathDirection.Forward },
        // AWS: a route to a peering that is not active is a blackhole.
        { "pending peering", Variant.Pending, "a-1", "b-1", 443, "BAD_STATE_ROUTE", PathDirection.Forward },
        { "deleted peering", Variant.Deleted, "a-1", "b-1", 443, "BAD_STATE_ROUTE", PathDirection.Forward },
        // AWS: a rule may reference a peer VPC's group in the same Region (any account) ...
        { "SG reference, same Region", Variant.None, "a-1", "b-1", 8080, "ACCEPT", PathDirection.Forward },
        { "SG reference, other account", Variant.CrossAccount, "a-1", "b-1", 8080, "ACCEPT", PathDirection.Forward },
        // ... but not across Regions: only CIDRs work there.
        { "SG reference, cross Region", Variant.CrossRegion, "a-1", "b-1", 8080, "ENI_SG_RULES_MISMATCH", PathDirection.Forward },
        { "CIDR rule, cross Region", Variant.CrossRegion, "a-1", "b-1", 443, "ACCEPT", PathDirection.Forward },
        // AWS: peering works between accounts alike.
        { "different accounts", Variant.CrossAccount, "a-1", "b-1", 443, "ACCEPT", PathDirection.Forward },
        // The destination must be an interface of the peer VPC.
        { "no interface at the address", Variant.None, "a-1", "10.1.1.99", 443, "NO_POSSIBLE_DESTINATION", PathDirection.Forward },
        // The receiving subnet's NACL applies as usual.
        { "peer NACL inbound", Variant.PeerAclDeniesA, "a-1", "b-1", 443, "SUBNET_ACL_RESTRICTION", PathDirection.Forward },
        // A→B is routed by B's local routing: B to C directly works (its own peering).
        { "B to C over its own peering", Variant.None, "b-1", "c-1", 443, "ACCEPT", PathDirection.Forward },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trace_OneRowPerAwsPeeringRule_ExpectedVerdict(string rule, Variant variant, string from, string to, ushort port, string expected, PathDirection direction)
    {
        var trace = World(variant).Run(from, to, port: port);
        Assert.True(rule.Length > 0);
        trace.AssertVerdict(expected, direction);
    }

    // AWS: IPv6 crosses a peering like IPv4 when both sides route the peer's IPv6 CIDR.
    [Theory]
    [InlineData(Variant.None, "ACCEPT")]
    [InlineData(Variant.CrossRegion, "ACCEPT")]
    public void Ipv6_SameOrCrossRegionPeering_Accepted(Variant variant, string expected) =>
        World(variant).Run("a-1", "b-1", port: 443, family: IpFamily.V6).AssertVerdict(expected);

    // The peering hop sits between the source's route table and the destination's NACL, both ways.
    [Fact]
    public void Trace_ShowsPeeringHop_BetweenRouteTableAndNacl()
    {
        var trace = World(Variant.None).Run("a-1", "b-1", port: 443);
        trace.AssertAccepted();
        var kinds = trace.Forward.Select(h => h.Component.Kind).ToList();
        int pcx = kinds.IndexOf(ComponentKind.VpcPeeringConnection);
        Assert.True(pcx > 0, string.Join(",", kinds));
        Assert.Equal(ComponentKind.RouteTable, kinds[pcx - 1]);
        Assert.Equal(ComponentKind.NetworkAcl, kinds[pcx + 1]);
        Assert.Equal("a-b", trace.Forward[pcx].Component.Name);
        Assert.Contains(trace.Return, h => h.Component.Kind == ComponentKind.VpcPeeringConnection);
        // Peered VPCs are not "disconnected".
        Assert.DoesNotContain(World(Variant.NoReturnRoute).Run("a-1", "b-1").Explanations, e => e.Code == ExplanationCode.DisconnectedVpcs);
    }

    // AWS: a peering only carries traffic whose source is an address of the sending VPC: a middlebox in B that
    // relays a packet with an internet source toward A is refused at the peering.
    [Fact]
    public void Peering_RelayedInternetSource_DroppedPcxRequiresAddressInVpcCidr()
    {
        var b = new WorldBuilder();
        var vpcA = b.Vpc("vpc-a", "10.0.0.0/16");
        var vpcB = b.Vpc("vpc-b", "10.1.0.0/16");
        var subnetA = b.Subnet("a", vpcA, "10.0.1.0/24");
        var subnetB = b.Subnet("b", vpcB, "10.1.1.0/24");
        var ab = b.Peering("a-b", vpcA, vpcB);
        var open = b.SecurityGroup("open", vpcB);
        b.Ingress(open, "-1", -1, -1, "0.0.0.0/0");
        var (_, box) = b.Instance("box", subnetB, [open], sourceDestCheck: false);
        b.Route(b.MainRouteTable(vpcB), "10.0.0.0/16", ab);
        b.Route(b.MainRouteTable(vpcA), "10.1.0.0/16", ab);
        var sgA = b.SecurityGroup("sg-a", vpcA);
        b.Ingress(sgA, "-1", -1, -1, "0.0.0.0/0");
        b.Instance("a-1", subnetA, [sgA]);
        var world = b.Compile();

        var flow = FlowKey.Tcp(IpAddress.Parse("8.8.8.8"), IpAddress.Parse("10.0.1.10"), 443);
        var decision = world.Decide(flow, world.InterfaceIndexOf(box));
        var trace = world.Trace(flow, world.InterfaceIndexOf(box)).AssertWellFormed();
        Assert.Equal(trace.Verdict, decision.Verdict);
        Assert.Equal(Verdict.Dropped, decision.Verdict);
        Assert.Equal(DropReason.PcxRequiresAddressInVpcCidr, decision.Reason);
        Assert.Equal(ComponentKind.VpcPeeringConnection, trace.DroppedAt!.Kind);
    }

    // AWS: no edge to edge the other way: A's own NAT gateway may not send A's traffic on over the peering.
    [Fact]
    public void Peering_ThroughOwnNatGateway_DroppedPcxRequiresAddressInVpcCidr()
    {
        var b = new WorldBuilder();
        var vpcA = b.Vpc("vpc-a", "10.0.0.0/16");
        var vpcB = b.Vpc("vpc-b", "10.1.0.0/16");
        var subnetA = b.Subnet("a", vpcA, "10.0.1.0/24");
        var natSubnet = b.Subnet("a-nat", vpcA, "10.0.2.0/24");
        var subnetB = b.Subnet("b", vpcB, "10.1.1.0/24");
        var ab = b.Peering("a-b", vpcA, vpcB);
        var nat = b.NatGateway("nat-a", natSubnet, isPublic: false);
        b.Route(b.MainRouteTable(vpcA), "10.1.0.0/16", nat);
        b.Route(b.RouteTable("nat-rt", vpcA, natSubnet), "10.1.0.0/16", ab);
        b.Route(b.MainRouteTable(vpcB), "10.0.0.0/16", ab);
        var sgB = b.SecurityGroup("sg-b", vpcB);
        b.Ingress(sgB, "-1", -1, -1, "0.0.0.0/0");
        b.Instance("a-1", subnetA, [b.SecurityGroup("sg-a", vpcA)]);
        b.Instance("b-1", subnetB, [sgB]);
        var trace = b.Compile().Run("a-1", "b-1");
        trace.AssertDropped(ExplanationCode.PcxRequiresAddressInVpcCidr);
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.NatGateway);
    }

    // Decide (allocation-free) and Trace walk the same code: check they agree on every flow between every
    // interface and every address of each peering world, both families, and that the peering is crossed.
    [Fact]
    public void Decide_AgreesWithTrace_OnPeeringWorlds()
    {
        int crossed = 0;
        foreach (var variant in Enum.GetValues<Variant>())
        {
            var world = World(variant);
            var addresses = world.Network.NetworkInterfaces.Values
                .SelectMany(n => n.PrivateIpAddresses.Select(p => p.Address).Concat(n.Ipv6Addresses))
                .Concat([IpAddress.Parse("8.8.8.8"), IpAddress.Parse("10.1.1.99"), IpAddress.Parse("2001:db8::1")])
                .Distinct().ToList();
            for (int eni = 0; eni < world.InterfaceCount; eni++)
            {
                var model = world.Network.NetworkInterfaces[world.InterfaceIdAt(eni)];
                foreach (var destination in addresses)
                {
                    if (destination.IsV6 && model.Ipv6Addresses.IsEmpty)
                        continue;
                    var source = destination.IsV6 ? model.Ipv6Addresses[0] : model.PrimaryPrivateIp;
                    foreach (ushort port in new ushort[] { 443, 8080, 22 })
                    {
                        var flow = FlowKey.Tcp(source, destination, port);
                        var decision = world.Decide(flow, eni);
                        var trace = world.Trace(flow, eni).AssertWellFormed();
                        Assert.Equal(trace.Verdict, decision.Verdict);
                        Assert.Equal(trace.Reason, decision.Reason);
                        if (trace.Forward.Any(h => h.Component.Kind == ComponentKind.VpcPeeringConnection))
                            crossed++;
                    }
                }
            }
        }
        Assert.True(crossed > 50, $"only {crossed} flows met a peering");
    }
}
