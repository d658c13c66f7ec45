using VpcLab.Model;

namespace VpcLab.Analysis.Audit;

/// <summary>Whether several security group rules together allow everything one rule allows (tcp/22 from 10.0.0.0/24
/// beside tcp/22 from 10.0.0.0/25 and from 10.0.0.128/25; tcp/100-200 beside tcp/0-150 and tcp/151-300): a packet is
/// allowed when any rule matches, so a rule inside the union of others adds nothing
/// ([Security group rules](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)). Exact: the
/// rule's ports and peer addresses are cut where another rule's begin or end, and each piece must lie inside one of
/// the others. ICMP types and codes, and other protocols, are not unioned (one rule must cover them, as
/// <see cref="SecurityGroupRuleCover"/> decides).</summary>
internal static class SecurityGroupRuleUnion
{
    /// <summary>The rules of <paramref name="others"/> that together cover <paramref name="rule"/>, or null when they
    /// do not.</summary>
    public static IReadOnlyList<SecurityGroupRule>? CoveredBy(SecurityGroupRule rule, IReadOnlyList<SecurityGroupRule> others)
    {
        var candidates = others.Where(o => o.IsEgress == rule.IsEgress && SameProtocolFamily(o, rule) && PeerKindMatches(o.Peer, rule.Peer)).ToList();
        if (candidates.Count < 2)
            return null;
        var used = new HashSet<SecurityGroupRule>();
        foreach (var ports in Pieces(PortsOf(rule), candidates.Where(c => c.Protocol == rule.Protocol).Select(PortsOf)))
        {
            foreach (var addresses in Pieces(AddressesOf(rule.Peer), candidates.Select(c => AddressesOf(c.Peer))))
            {
                var cover = candidates.FirstOrDefault(c => CoversPiece(c, rule, ports, addresses));
                if (cover is null)
                    return null;
                used.Add(cover);
            }
        }
        return used.Count > 1 ? [.. candidates.Where(used.Contains)] : null;
    }

    /// <summary>A rule of every protocol covers any; otherwise the same protocol, and only TCP and UDP are unioned.</summary>
    private static bool SameProtocolFamily(SecurityGroupRule other, SecurityGroupRule rule) =>
        other.Protocol.Number == -1 || (rule.Protocol.Number is 6 or 17 && other.Protocol == rule.Protocol);

    private static bool PeerKindMatches(RulePeer other, RulePeer rule) => (other, rule) switch
    {
        (CidrPeer o, CidrPeer r) => o.Cidr.Family == r.Cidr.Family,
        (SecurityGroupPeer o, SecurityGroupPeer r) => o.GroupId == r.GroupId,
        (PrefixListPeer o, PrefixListPeer r) => o.PrefixListId == r.PrefixListId,
        _ => false,
    };

    private static (UInt128 From, UInt128 To) PortsOf(SecurityGroupRule r) =>
        r.Protocol.Number is 6 or 17 && r.FromPort >= 0 ? ((UInt128)r.FromPort, (UInt128)r.ToPort) : (0, ushort.MaxValue);

    /// <summary>A CIDR peer's addresses; a group or prefix list is one point (equal peers only: <see cref="PeerKindMatches"/>).</summary>
    private static (UInt128 From, UInt128 To) AddressesOf(RulePeer peer) => peer is CidrPeer c ? (c.Cidr.First.Value, c.Cidr.Last.Value) : (0, 0);

    private static bool CoversPiece(SecurityGroupRule cover, SecurityGroupRule rule, (UInt128 From, UInt128 To) ports, (UInt128 From, UInt128 To) addresses)
    {
        var peer = AddressesOf(cover.Peer);
        if (peer.From > addresses.From || addresses.To > peer.To)
            return false;
        if (cover.Protocol.Number == -1)
            return true;
        var own = PortsOf(cover);
        return own.From <= ports.From && ports.To <= own.To;
    }

    /// <summary>The range cut wherever one of <paramref name="others"/> begins or ends inside it.</summary>
    private static IEnumerable<(UInt128 From, UInt128 To)> Pieces((UInt128 From, UInt128 To) range, IEnumerable<(UInt128 From, UInt128 To)> others)
    {
        var cuts = new SortedSet<UInt128> { range.From };
        foreach (var (from, to) in others)
        {
            if (from > range.From && from <= range.To)
                cuts.Add(from);
            if (to < range.To && to >= range.From)
                cuts.Add(to + 1);
        }
        var list = cuts.ToList();
        for (int i = 0; i < list.Count; i++)
            yield return (list[i], i + 1 < list.Count ? list[i + 1] - 1 : range.To);
    }
}
