using VpcLab.Analysis.Blockers;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Analysis.Tests;

/// <summary>Every blocker of a dropped flow, each with its Reachability Analyzer code and a change checked by tracing
/// again (docs/semantics.md#blocked-paths). The world: app in VPC a, db in VPC b, a peering left pending, b's NACL
/// denying a's CIDR inbound and allowing only HTTPS out, db's group admitting nothing.</summary>
public sealed class BlockedPathAnalyzerTests
{
    private const string Yaml = """
        name: blocked
        region: us-east-1
        vpcs:
          - name: vpc-a
            cidr: 10.0.0.0/16
            subnets:
              - { name: app-subnet, az: us-east-1a, cidr: 10.0.1.0/24 }
            route-tables:
              - name: a-rt
                subnets: [app-subnet]
                routes:
                  - { destination: 10.1.0.0/16, target: a-b }
            security-groups:
              - name: app-sg
                description: app
                egress:
                  - { protocol: all, destination: 0.0.0.0/0 }
            instances:
              - { name: app, subnet: app-subnet, security-groups: [app-sg] }
          - name: vpc-b
            cidr: 10.1.0.0/16
            subnets:
              - { name: db-subnet, az: us-east-1a, cidr: 10.1.1.0/24 }
            route-tables:
              - name: b-rt
                subnets: [db-subnet]
                routes:
                  - { destination: 10.0.0.0/16, target: a-b }
            security-groups:
              - name: db-sg
                description: db
            network-acls:
              - name: db-acl
                subnets: [db-subnet]
                inbound:
                  - { rule: 100, protocol: all, cidr: 10.0.0.0/16, action: deny }
                  - { rule: 200, protocol: all, cidr: 0.0.0.0/0, action: allow }
                outbound:
                  - { rule: 100, protocol: tcp, ports: 443, cidr: 0.0.0.0/0, action: allow }
            instances:
              - { name: db, subnet: db-subnet, security-groups: [db-sg] }
        peerings:
          - { name: a-b, requester: vpc-a, accepter: vpc-b, accepted: false }
        """;

    internal static readonly LoadedScenario World = ScenarioLoader.Load(ScenarioParser.Parse(Yaml, "blocked.yaml"), "blocked.yaml");

    private static TraceRequest AppToDb(ushort port = 5432) =>
        TraceRequest.Tcp(TraceEndpoint.Instance(new InstanceId(World.IdOf("app"))), TraceEndpoint.Instance(new InstanceId(World.IdOf("db"))), port);

    [Fact]
    public void Analyze_FourBlockers_ListsEachInPathOrderWithItsCode()
    {
        var path = BlockedPathAnalyzer.Analyze(World.Network, AppToDb());
        Assert.Equal(
            [
                (PathDirection.Forward, "BAD_STATE_ROUTE", ChangeKind.AcceptVpcPeeringConnection),
                (PathDirection.Forward, "SUBNET_ACL_RESTRICTION", ChangeKind.AddNetworkAclEntry),
                (PathDirection.Forward, "SG_HAS_NO_RULES", ChangeKind.AddSecurityGroupRule),
                (PathDirection.Return, "SUBNET_ACL_RESTRICTION", ChangeKind.AddNetworkAclEntry),
            ],
            path.Blockers.Select(b => (b.Direction, b.Code, b.Change!.Kind)));
        Assert.All(path.Blockers, b => Assert.True(b.Verified, b.Rule));
        Assert.True(path.Resolved);
    }

    // AWS: NACL rules are evaluated lowest number first; the proposed allow goes just below the deny that matched.
    [Fact]
    public void Analyze_NaclDeny_ProposesAnAllowJustBelowIt()
    {
        var nacl = BlockedPathAnalyzer.Analyze(World.Network, AppToDb()).Blockers[1];
        Assert.Equal("inbound rule 100 deny", nacl.Rule);
        Assert.Contains("RuleNumber=99", nacl.Change!.Call, StringComparison.Ordinal);
        Assert.Contains("CidrBlock=10.0.1.", nacl.Change.Call, StringComparison.Ordinal);
        Assert.Contains("PortRange.From=5432", nacl.Change.Call, StringComparison.Ordinal);
    }

    // The return path's NACL check uses the reply's 5-tuple: the proposed outbound entry is for the client's port.
    [Fact]
    public void Analyze_ReturnPathNacl_ProposesTheRepliesEphemeralPort()
    {
        var reply = BlockedPathAnalyzer.Analyze(World.Network, AppToDb()).Blockers[3];
        Assert.Equal("outbound rule * (deny all)", reply.Rule);
        Assert.Contains($"PortRange.From={FlowKey.DefaultEphemeralPort}", reply.Change!.Call, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DeliveredFlow_HasNoBlockers()
    {
        var world = World.Network;
        foreach (var blocker in BlockedPathAnalyzer.Analyze(world, AppToDb()).Blockers)
            world = blocker.Change!.Apply(world);
        var path = BlockedPathAnalyzer.Analyze(world, AppToDb());
        Assert.Empty(path.Blockers);
        Assert.True(path.Resolved);
    }

    [Fact]
    public void Analyze_MissingRoute_ProposesTheRouteToThePeeredVpc()
    {
        var rt = World.Network.RouteTables[new RouteTableId(World.IdOf("a-rt"))];
        var world = World.Network with { RouteTables = World.Network.RouteTables.SetItem(rt.Id, rt with { Routes = [.. rt.Routes.Where(r => r.IsLocal)] }) };
        var first = BlockedPathAnalyzer.Analyze(world, AppToDb()).Blockers[0];
        Assert.Equal(("NO_ROUTE_TO_DESTINATION", ChangeKind.AddRoute), (first.Code, first.Change!.Kind));
        Assert.Contains("DestinationCidrBlock=10.1.0.0/16 VpcPeeringConnectionId=pcx-", first.Change.Call, StringComparison.Ordinal);
        Assert.True(first.Verified);
    }
}
