using System.Collections.Immutable;
using System.Globalization;
using VpcLab.Model;

namespace VpcLab.Analysis.Audit;

/// <summary>Rules and routes that do nothing or point nowhere (<c>vpclab reach rules</c>, docs/semantics.md#rule-audit):
/// security group rules another rule of the group covers, NACL entries lower-numbered entries shadow, group rules
/// naming a group missing from the world (AWS calls them stale) or of another Region (AWS references a peer VPC's group
/// only within one Region: [Update your security groups to reference peer security
/// groups](https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html)), and blackhole routes.</summary>
public static class RuleAudit
{
    public static ImmutableArray<Finding> Compute(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var group in network.SecurityGroups.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal))
            findings.AddRange(GroupFindings(network, group));
        foreach (var acl in network.NetworkAcls.Values.OrderBy(a => a.Id.Value, StringComparer.Ordinal))
        {
            foreach (var entry in acl.Entries.OrderBy(e => e.Egress).ThenBy(e => e.RuleNumber))
            {
                if (NetworkAclShadow.ShadowedBy(acl, entry) is { } by)
                    findings.Add(new Finding(FindingKind.ShadowedNetworkAclEntry, acl.Id.Value, EntryName(entry),
                        $"never matches: {string.Join(", ", by.Select(EntryName))} decide{(by.Count == 1 ? "s" : "")} every packet it names first"));
            }
        }
        foreach (var table in network.RouteTables.Values.OrderBy(t => t.Id.Value, StringComparer.Ordinal))
        {
            foreach (var route in table.Routes.Where(r => network.RouteState(table, r) == RouteState.Blackhole))
                findings.Add(new Finding(FindingKind.BlackholeRoute, table.Id.Value, route.Destination.ToString(),
                    $"blackhole: its target {route.Target} is gone or not usable; packets to {route.Destination} are dropped here"));
        }
        return findings.ToImmutable();
    }

    private static IEnumerable<Finding> GroupFindings(Network network, SecurityGroup group)
    {
        var covered = new HashSet<SecurityGroupRuleId>();
        foreach (var rule in group.Rules)
        {
            if (group.Rules.FirstOrDefault(other => other.Id != rule.Id && SecurityGroupRuleCover.Covers(other, rule)
                    && !(SecurityGroupRuleCover.Covers(rule, other) && string.CompareOrdinal(other.Id.Value, rule.Id.Value) > 0)) is { } wider)
            {
                covered.Add(rule.Id);
                yield return new Finding(FindingKind.ShadowedSecurityGroupRule, group.Id.Value, rule.Id.Value,
                    $"adds nothing: {wider.Id} already allows every packet it allows");
            }
            if (rule.Peer is not SecurityGroupPeer peer)
                continue;
            if (!network.SecurityGroups.TryGetValue(peer.GroupId, out var referenced))
                yield return new Finding(FindingKind.MissingGroupReference, group.Id.Value, rule.Id.Value,
                    $"names {peer.GroupId}, which is not in the world (deleted, or of an account not imported): it matches no packet here");
            else if (referenced.Region != group.Region)
                yield return new Finding(FindingKind.CrossRegionGroupReference, group.Id.Value, rule.Id.Value,
                    $"names {peer.GroupId} of {referenced.Region} from {group.Region}: a group is referenced only within its Region, so it matches no packet");
        }
        foreach (var finding in UnionFindings(group, covered))
            yield return finding;
    }

    /// <summary>Rules inside the union of several others, each checked against the rules not yet reported, so that
    /// removing every reported rule allows exactly what the group allowed (docs/semantics.md#rule-audit).</summary>
    private static IEnumerable<Finding> UnionFindings(SecurityGroup group, HashSet<SecurityGroupRuleId> covered)
    {
        foreach (var rule in group.Rules.Where(r => !covered.Contains(r.Id)).ToList())
        {
            var others = group.Rules.Where(o => o.Id != rule.Id && !covered.Contains(o.Id)).ToList();
            if (SecurityGroupRuleUnion.CoveredBy(rule, others) is not { } by)
                continue;
            covered.Add(rule.Id);
            yield return new Finding(FindingKind.ShadowedSecurityGroupRule, group.Id.Value, rule.Id.Value,
                $"adds nothing: {string.Join(", ", by.Select(r => r.Id))} together already allow every packet it allows");
        }
    }

    private static string EntryName(NetworkAclEntry e) =>
        string.Create(CultureInfo.InvariantCulture, $"{(e.Egress ? "outbound" : "inbound")} {e.RuleNumber}");
}
