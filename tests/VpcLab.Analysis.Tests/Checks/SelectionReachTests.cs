using VpcLab.Analysis.Checks;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Analysis.Tests.Checks;

/// <summary>What reaches what and through which gateway, S3 over the internet where a gateway endpoint would serve, and
/// what a change opens and closes (docs/semantics.md#reach), on the shipped scenarios.</summary>
public sealed class SelectionReachTests
{
    private static Network World(string name) => ScenarioLoader.LoadFile(ShippedScenarios.PathOf(name)).Network;

    private static IReadOnlyList<ReachEnd> Ends(Network network, string selector) =>
        Selector.Parse(selector, out _)!.Resolve(network, out _);

    // A private subnet reaches the internet through its route table's NAT gateway, then the NAT gateway's subnet's
    // internet gateway (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
    [Fact]
    public void Compute_AppTierToInternet_ThroughNatThenInternetGateway()
    {
        var seed = World("seed");
        var rows = SelectionReach.Compute(new FlowSpace(seed, [], []), Ends(seed, "instance:app-1"), [InternetEnd.Instance],
            [new TrafficClass(IpProtocol.Tcp, PortRange.Single(443))]);
        var nat = Assert.Single(seed.NatGateways.Keys).Value;
        Assert.Contains(rows, r => r.Via.Length == 2 && r.Via[0] == nat && r.Via[1].StartsWith("igw-", StringComparison.Ordinal)
            && r.Values.SequenceEqual([PortRange.Single(443)]));
    }

    [Fact]
    public void Compute_DatabaseTierToInternet_Nothing()
    {
        var seed = World("seed");
        Assert.Empty(SelectionReach.Compute(new FlowSpace(seed, [], []), Ends(seed, "sg:db-sg"), [InternetEnd.Instance], TrafficClass.All));
    }

    // The bastion's subnet routes S3 to the internet gateway while the VPC has s3-endpoint; the workers use it.
    [Fact]
    public void EndpointBypass_BastionOverTheInternet_Listed()
    {
        var world = World("gateway-endpoint");
        var found = EndpointBypass.Compute(new FlowSpace(world, [], []));
        var bypass = Assert.Single(found);
        Assert.Equal("bastion", world.NameOf(world.NetworkInterfaces[bypass.Interface].Attachment!.InstanceId.Value));
        Assert.Equal("S3", bypass.Service);
        Assert.Equal(world.VpcEndpoints.Keys.Single(), Assert.Single(bypass.Endpoints));
        Assert.StartsWith("igw-", Assert.Single(bypass.Reach.Via), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_OpenPort8443CloseHttp_ListsBoth()
    {
        var before = World("seed");
        var web = before.SecurityGroups.Values.Single(g => g.GroupName == "web-sg");
        var http = web.Rules.Single(r => !r.IsEgress && r.FromPort == 80);
        var added = new SecurityGroupRule(new SecurityGroupRuleId("sgr-0000000000000beef"), false, IpProtocol.Tcp, 8443, 8443,
            new CidrPeer(Cidr.Parse("0.0.0.0/0")), null);
        var after = before with { SecurityGroups = before.SecurityGroups.SetItem(web.Id, web with { Rules = web.Rules.Remove(http).Add(added) }) };
        var changes = ReachDiff.Compute(before, after, n => ([InternetEnd.Instance], Ends(n, "sg:web-sg")), [new TrafficClass(IpProtocol.Tcp, PortRange.All)]);
        var opened = Assert.Single(changes, c => c.Opened);
        Assert.Equal([PortRange.Single(8443)], opened.Values);
        Assert.Contains("web-1", opened.To, StringComparison.Ordinal);
        Assert.Equal(8443, opened.Example.DestinationPort);
        var closed = Assert.Single(changes, c => !c.Opened);
        Assert.Equal([PortRange.Single(80)], closed.Values);
        Assert.Empty(ReachDiff.Compute(before, before, n => ([InternetEnd.Instance], Ends(n, "sg:web-sg")), TrafficClass.All));
    }
}
