using VpcLab.Analysis.Audit;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;
using VpcLab.TestWorlds;

namespace VpcLab.Analysis.Tests.Audit;

/// <summary>The rule audit against hand-made cases (docs/semantics.md#rule-audit): which group rules another covers,
/// which NACL entries lower-numbered entries shadow (alone or together), stale and cross-Region group references,
/// blackhole routes.</summary>
public sealed class RuleAuditTests
{
    private static Network World(string ingress, string inbound) => ScenarioLoader.Load(ScenarioParser.Parse($$"""
        name: audit
        region: us-east-1
        vpcs:
          - name: vpc
            cidr: 10.0.0.0/16
            subnets:
              - { name: a, az: us-east-1a, cidr: 10.0.1.0/24 }
            network-acls:
              - name: acl
                subnets: [a]
                inbound: [{{inbound}}]
            security-groups:
              - name: other
                description: other
              - name: sg
                description: sg
                ingress: [{{ingress}}]
        """, "audit.yaml"), "audit.yaml").Network;

    private static string Describe(Network network, SecurityGroupRuleId id)
    {
        var rule = network.SecurityGroups.Values.SelectMany(g => g.Rules).Single(r => r.Id == id);
        return $"{rule.Protocol.Name} {rule.FromPort}-{rule.ToPort} {rule.Peer}";
    }

    // Security group rules only allow, and any match allows: a rule inside another adds nothing
    // (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
    public static TheoryData<string, string> GroupRules => new()
    {
        { "{ protocol: tcp, ports: 443, source: 10.0.0.0/16 }, { protocol: tcp, ports: all, source: 10.0.0.0/8 }", "tcp 443-443 10.0.0.0/16" },
        { "{ protocol: tcp, ports: 22, source: 203.0.113.0/24 }, { protocol: all, source: 0.0.0.0/0 }", "tcp 22-22 203.0.113.0/24" },
        { "{ protocol: icmp, ports: 8/0, source: 10.0.0.0/8 }, { protocol: icmp, ports: 8, source: 10.0.0.0/8 }", "icmp 8-0 10.0.0.0/8" },
        { "{ protocol: tcp, ports: 22, source: 10.0.0.0/8 }, { protocol: tcp, ports: 22, source: 192.168.0.0/16 }", "" },
        { "{ protocol: tcp, ports: 20-30, source: 10.0.0.0/8 }, { protocol: tcp, ports: 25-40, source: 10.0.0.0/8 }", "" },
        { "{ protocol: udp, ports: 53, source: 10.0.0.0/8 }, { protocol: tcp, ports: all, source: 10.0.0.0/8 }", "" },
        { "{ protocol: tcp, ports: 22, source: other }, { protocol: tcp, ports: all, source: other }", "tcp 22-22 " },
        { "{ protocol: tcp, ports: 22, source: \"::/0\" }, { protocol: tcp, ports: 22, source: 0.0.0.0/0 }", "" },
        // Covered by several rules together (ports, then addresses): any match allows, so the union of the others
        // already allows all it allows.
        { "{ protocol: tcp, ports: 100-200, source: 10.0.0.0/8 }, { protocol: tcp, ports: 0-150, source: 10.0.0.0/8 }, { protocol: tcp, ports: 151-300, source: 10.0.0.0/8 }", "tcp 100-200 10.0.0.0/8" },
        { "{ protocol: tcp, ports: 22, source: 10.0.0.0/8 }, { protocol: tcp, ports: all, source: 10.0.0.0/9 }, { protocol: all, source: 10.128.0.0/9 }", "tcp 22-22 10.0.0.0/8" },
        // One port (151) or one protocol short of the union: not covered (the /9 inside the /8 is, by one rule).
        { "{ protocol: tcp, ports: 100-200, source: 10.0.0.0/8 }, { protocol: tcp, ports: 0-150, source: 10.0.0.0/8 }, { protocol: tcp, ports: 152-300, source: 10.0.0.0/8 }", "" },
        { "{ protocol: tcp, ports: 22, source: 10.0.0.0/8 }, { protocol: tcp, ports: 22, source: 10.0.0.0/9 }, { protocol: udp, ports: 22, source: 10.128.0.0/9 }", "tcp 22-22 10.0.0.0/9" },
    };

    [Theory]
    [MemberData(nameof(GroupRules))]
    public void Compute_GroupRuleCoveredByAnother_IsShadowed(string ingress, string shadowed)
    {
        var network = World(ingress, "");
        var found = RuleAudit.Compute(network).Where(f => f.Kind == FindingKind.ShadowedSecurityGroupRule)
            .Select(f => Describe(network, new SecurityGroupRuleId(f.Rule))).ToArray();
        if (shadowed.Length == 0)
            Assert.Empty(found);
        else
            Assert.StartsWith(shadowed, Assert.Single(found), StringComparison.Ordinal);
    }

    // NACL entries are evaluated lowest number first and the first match decides
    // (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html).
    public static TheoryData<string, string> AclEntries => new()
    {
        { "{ rule: 100, protocol: tcp, ports: all, cidr: 0.0.0.0/0, action: allow }, { rule: 200, protocol: tcp, ports: 22, cidr: 10.0.0.0/8, action: deny }",
            "inbound 200 by inbound 100" },
        { "{ rule: 100, protocol: tcp, ports: 0-1023, cidr: 0.0.0.0/0, action: allow }, { rule: 110, protocol: tcp, ports: 1024-65535, cidr: 0.0.0.0/0, action: deny }, { rule: 120, protocol: tcp, ports: 1000-2000, cidr: 10.0.0.0/8, action: allow }",
            "inbound 120 by inbound 100, inbound 110" },
        { "{ rule: 100, protocol: tcp, ports: 22, cidr: 10.0.0.0/9, action: allow }, { rule: 110, protocol: tcp, ports: 22, cidr: 10.0.0.0/8, action: deny }", "" },
        { "{ rule: 100, protocol: tcp, ports: 22, cidr: 10.0.0.0/9, action: allow }, { rule: 110, protocol: tcp, ports: 22, cidr: 10.128.0.0/9, action: deny }, { rule: 120, protocol: tcp, ports: 22, cidr: 10.0.0.0/8, action: allow }",
            "inbound 120 by inbound 100, inbound 110" },
        { "{ rule: 100, protocol: tcp, ports: all, cidr: 0.0.0.0/0, action: allow }, { rule: 110, protocol: udp, ports: all, cidr: 0.0.0.0/0, action: allow }, { rule: 120, protocol: all, cidr: 0.0.0.0/0, action: deny }", "" },
        { "{ rule: 100, protocol: all, cidr: 0.0.0.0/0, action: allow }, { rule: 110, protocol: icmp, icmp: 3/4, cidr: 0.0.0.0/0, action: deny }", "inbound 110 by inbound 100" },
        { "{ rule: 100, protocol: icmp, icmp: 8, cidr: 0.0.0.0/0, action: allow }, { rule: 110, protocol: icmp, icmp: 8/0, cidr: 10.0.0.0/8, action: deny }", "inbound 110 by inbound 100" },
        { "{ rule: 100, protocol: icmp, icmp: 8/0, cidr: 0.0.0.0/0, action: allow }, { rule: 110, protocol: icmp, icmp: 8, cidr: 10.0.0.0/8, action: deny }", "" },
        { "{ rule: 100, protocol: all, cidr: 0.0.0.0/0, action: allow }, { rule: 110, protocol: tcp, ports: 22, cidr: \"::/0\", action: deny }", "" },
    };

    [Theory]
    [MemberData(nameof(AclEntries))]
    public void Compute_AclEntryDecidedByLowerEntries_IsShadowed(string inbound, string shadowed)
    {
        var network = World("", inbound);
        var acl = network.NetworkAcls.Values.Single(a => !a.IsDefault);
        var found = RuleAudit.Compute(network).Where(f => f.Kind == FindingKind.ShadowedNetworkAclEntry && f.ResourceId == acl.Id.Value).ToArray();
        if (shadowed.Length == 0)
        {
            Assert.Empty(found);
            return;
        }
        var finding = Assert.Single(found);
        var (entry, by) = (shadowed[..shadowed.IndexOf(" by ", StringComparison.Ordinal)], shadowed[(shadowed.IndexOf(" by ", StringComparison.Ordinal) + 4)..]);
        Assert.Equal(entry, finding.Rule);
        Assert.StartsWith($"never matches: {by} decide", finding.Detail, StringComparison.Ordinal);
    }

    // A rule naming a group that does not exist matches nothing (AWS lists such rules as stale); a peer VPC's group is
    // referenced only within one Region (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html).
    [Fact]
    public void Compute_GroupReferenceMissingOrInAnotherRegion_Listed()
    {
        var seed = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("seed")).Network;
        var web = seed.SecurityGroups.Values.Single(g => g.GroupName == "web-sg");
        var missing = seed with { SecurityGroups = seed.SecurityGroups.Remove(web.Id) };
        var app = seed.SecurityGroups.Values.Single(g => g.GroupName == "app-sg");
        var stale = Assert.Single(RuleAudit.Compute(missing), f => f.Kind == FindingKind.MissingGroupReference);
        Assert.Equal(app.Id.Value, stale.ResourceId);
        var moved = seed with { SecurityGroups = seed.SecurityGroups.SetItem(web.Id, web with { Region = "eu-west-1" }) };
        var cross = Assert.Single(RuleAudit.Compute(moved), f => f.Kind == FindingKind.CrossRegionGroupReference);
        Assert.Equal(app.Id.Value, cross.ResourceId);
        Assert.DoesNotContain(RuleAudit.Compute(seed), f => f.Kind is FindingKind.MissingGroupReference or FindingKind.CrossRegionGroupReference);
    }

    // A route whose target is gone is a blackhole (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html).
    [Fact]
    public void Compute_RouteToDeletedGateway_IsBlackhole()
    {
        var seed = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("seed")).Network;
        Assert.DoesNotContain(RuleAudit.Compute(seed), f => f.Kind == FindingKind.BlackholeRoute);
        var nat = Assert.Single(seed.NatGateways.Keys);
        var gone = seed with { NatGateways = seed.NatGateways.Remove(nat) };
        var blackhole = Assert.Single(RuleAudit.Compute(gone), f => f.Kind == FindingKind.BlackholeRoute);
        Assert.Equal("0.0.0.0/0", blackhole.Rule);
        Assert.Contains(nat.Value, blackhole.Detail, StringComparison.Ordinal);
    }
}
