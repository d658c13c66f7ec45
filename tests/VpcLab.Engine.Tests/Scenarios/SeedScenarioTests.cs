namespace VpcLab.Engine.Tests.Scenarios;

/// <summary>Whole behaviours of scenarios/seed.yaml (public, app and database tiers in two AZs, IGW, NAT gateway,
/// egress-only IGW; a second VPC with only an egress-only IGW), loaded through the ControlPlane.</summary>
public class SeedScenarioTests
{
    private static readonly ScenarioTrace Seed = ScenarioTrace.Of("seed");

    [Theory]
    // AWS: an internet gateway maps a public IPv4 to the instance's private address; web-sg allows 443 from anywhere.
    [InlineData("198.51.100.7", "web-1", "tcp", 443, false, null, null)]
    // AWS: security groups are allow-only; web-sg allows SSH only from the admin network.
    [InlineData("198.51.100.7", "web-1", "tcp", 22, false, "ENI_SG_RULES_MISMATCH", "web-sg")]
    // AWS: a rule naming a security group matches the private IPs of interfaces carrying it.
    [InlineData("web-1", "app-1", "tcp", 8080, false, null, null)]
    [InlineData("app-1", "db-1", "tcp", 5432, false, null, null)]
    // AWS: NACLs are stateless; db-acl allows the request in but the reply out only to app-a.
    [InlineData("app-2", "db-1", "tcp", 5432, false, "SUBNET_ACL_RESTRICTION", "db-acl")]
    // AWS: NACL rules apply at the subnet edge; db-acl admits 5432 only from the app subnets.
    [InlineData("web-1", "db-1", "tcp", 5432, false, "SUBNET_ACL_RESTRICTION", "db-acl")]
    // AWS: a private subnet reaches the internet through a NAT gateway in a public subnet.
    [InlineData("app-1", "198.51.100.80", "tcp", 443, false, null, null)]
    // AWS: with no route to the destination the VPC router drops the packet.
    [InlineData("db-1", "198.51.100.80", "tcp", 443, false, "NO_ROUTE_TO_DESTINATION", "db-rt")]
    // AWS: without a public IPv4 or Elastic IP an instance cannot use an internet gateway.
    [InlineData("web-2", "198.51.100.80", "tcp", 443, false, "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "seed-igw")]
    // AWS: an egress-only internet gateway lets IPv6 connections out and their replies back...
    [InlineData("app-1", "2001:db8:ffff::80", "tcp", 443, true, null, null)]
    [InlineData("batch-1", "2001:db8:ffff::80", "tcp", 443, true, null, null)]
    // AWS (VPC User Guide, get-started-ipv6): web-sg lists no egress, so it keeps the outbound rules a new group gets in
    // a VPC with IPv6, all traffic to 0.0.0.0/0 and to ::/0; web-1's IPv6 leaves through the internet gateway.
    [InlineData("web-1", "2001:db8:ffff::80", "tcp", 443, true, null, null)]
    // ...and nothing in, even where the security group is open to ::/0.
    [InlineData("2001:db8:ffff::7", "batch-1", "tcp", 8443, true, "VPCLAB_EIGW_INBOUND_REFUSED", "batch-eigw")]
    // AWS: IPv6 addresses are public; through an internet gateway they are reachable from the internet.
    [InlineData("2001:db8:ffff::7", "web-1", "tcp", 443, true, null, null)]
    // AWS: inbound traffic enters through the VPC's internet gateway whatever the subnet's route table says;
    // only filters protect the "private" app tier.
    [InlineData("2001:db8:ffff::7", "app-1", "tcp", 8080, true, "ENI_SG_RULES_MISMATCH", "app-sg")]
    // AWS: security group rules of one family never match the other: batch-sg allows only IPv6 out.
    [InlineData("batch-1", "198.51.100.80", "tcp", 443, false, "ENI_SG_RULES_MISMATCH", "batch-sg")]
    // AWS: the Amazon DNS resolver (VPC base + 2) is never filtered by security groups or NACLs.
    [InlineData("db-1", "10.0.0.2", "udp", 53, false, null, null)]
    public void Trace_SeedFlow_MatchesAws(string from, string to, string protocol, int port, bool ipv6, string? code, string? droppedAt)
    {
        var trace = Seed.Trace(from, to, protocol, (ushort)port, ipv6);
        if (code is null)
        {
            Assert.True(trace.Verdict == Verdict.Accepted, trace.ToString());
            return;
        }
        Assert.True(trace.Verdict == Verdict.Dropped, trace.ToString());
        Assert.Contains(trace.Explanations, e => e.Code.Value == code);
        Assert.Equal(droppedAt, trace.DroppedAt?.Name);
    }

    // AWS: the NAT gateway rewrites the source to its private IP, the internet gateway then to the Elastic IP.
    [Fact]
    public void PrivateInstance_ToInternet_LeavesThroughNatGatewayThenInternetGateway()
    {
        var trace = Seed.Trace("app-1", "198.51.100.80", "tcp", 443);
        Assert.Equal(Verdict.Accepted, trace.Verdict);
        var names = ScenarioTrace.Names(trace.Forward);
        Assert.True(Array.IndexOf(names, "nat-a") < Array.IndexOf(names, "seed-igw"), string.Join(" > ", names));
        var nat = Seed.Loaded.Network.NatGateways.Values.Single();
        var afterNat = trace.Forward.First(h => h.Component.Name == "nat-a").OutboundHeader;
        Assert.Equal(nat.PrivateIp, afterNat.Source);
        Assert.InRange(afterNat.SourcePort, (ushort)1024, ushort.MaxValue);
        var afterIgw = trace.Forward.First(h => h.Component.Name == "seed-igw").OutboundHeader;
        Assert.Equal(nat.PublicIp, afterIgw.Source);
        Assert.Equal(trace.Flow.Destination, afterIgw.Destination); // NGW_DEST_ADDRESS_PRESERVATION
    }

    // AWS: the reply of a NACL-dropped return path passes the forward path entirely: the request did arrive.
    [Fact]
    public void AppB_ToDatabase_ForwardPathDeliveredButReplyDropped()
    {
        var trace = Seed.Trace("app-2", "db-1", "tcp", 5432);
        Assert.Equal(HopAction.Delivered, trace.Forward[^1].Action);
        Assert.Equal(PathDirection.Return, trace.DroppedOn);
        var drop = trace.Return[^1];
        Assert.Equal(HopAction.Dropped, drop.Action);
        Assert.Equal(TrafficDirection.Egress, drop.Direction);
        Assert.Equal(32767, drop.AclRule?.RuleNumber); // no rule matched: the implicit '*' deny
    }

    // AWS: an internet gateway translates a public IPv4 to the private address and back; IPv6 passes unchanged.
    [Fact]
    public void Internet_ToWebTier_IgwTranslatesIpv4ButNotIpv6()
    {
        var v4 = Seed.Trace("198.51.100.7", "web-1", "tcp", 443);
        var afterIgw = v4.Forward.First(h => h.Component.Name == "seed-igw");
        Assert.Equal(HopAction.Translated, afterIgw.Action);
        Assert.NotEqual(v4.Flow.Destination, afterIgw.OutboundHeader.Destination);

        var v6 = Seed.Trace("2001:db8:ffff::7", "web-1", "tcp", 443, ipv6: true);
        Assert.Equal(Verdict.Accepted, v6.Verdict);
        Assert.All(v6.Forward, h => Assert.Equal(v6.Flow.Destination, h.OutboundHeader.Destination));
    }
}
