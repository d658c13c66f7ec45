using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Audit;

/// <summary>Whether lower-numbered entries of a network ACL decide every packet an entry names, so that the entry never
/// matches: NACL entries are evaluated from the lowest number and the first match decides
/// ([Network ACL rules](https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html)). Exact: the entry's
/// addresses and values (ports, or ICMP type × 256 + code) are cut where a lower entry's boundaries fall, and each
/// piece is tested once; for an "all protocols" entry, every protocol a lower entry names and one none names.</summary>
internal static class NetworkAclShadow
{
    /// <summary>The lower entries that decide the entry's packets when together they decide all of them; else null.</summary>
    public static IReadOnlyList<NetworkAclEntry>? ShadowedBy(NetworkAcl acl, NetworkAclEntry entry)
    {
        var lower = acl.Entries.Where(l => l.Egress == entry.Egress && l.RuleNumber < entry.RuleNumber && l.Cidr.Family == entry.Cidr.Family)
            .OrderBy(l => l.RuleNumber).ToArray();
        if (lower.Length == 0)
            return null;
        var deciders = new HashSet<NetworkAclEntry>();
        foreach (var protocol in Protocols(entry, lower))
        {
            foreach (var address in AddressPieces(entry.Cidr, lower))
            {
                foreach (var value in ValuePieces(entry, protocol, lower))
                {
                    var first = lower.FirstOrDefault(l => Matches(l, protocol, address, value));
                    if (first is null)
                        return null;
                    deciders.Add(first);
                }
            }
        }
        return [.. deciders.OrderBy(d => d.RuleNumber)];
    }

    private static IEnumerable<int> Protocols(NetworkAclEntry entry, NetworkAclEntry[] lower)
    {
        if (entry.Protocol.Number != -1)
            return [entry.Protocol.Number];
        var named = lower.Select(l => (int)l.Protocol.Number).Where(n => n >= 0).Concat([6, 17, entry.Cidr.IsV4 ? 1 : 58]).ToHashSet();
        int other = Enumerable.Range(0, 256).First(n => !named.Contains(n));
        return named.Append(other).Order();
    }

    private static IEnumerable<IpAddress> AddressPieces(Cidr cidr, NetworkAclEntry[] lower)
    {
        var cuts = new SortedSet<UInt128> { cidr.First.Value };
        foreach (var l in lower)
        {
            if (cidr.Contains(l.Cidr.First))
                cuts.Add(l.Cidr.First.Value);
            if (l.Cidr.Last.Value < cidr.Last.Value && cidr.Contains(l.Cidr.Last))
                cuts.Add(l.Cidr.Last.Value + 1);
        }
        return cuts.Select(v => new IpAddress(v, cidr.Family));
    }

    private static SortedSet<int> ValuePieces(NetworkAclEntry entry, int protocol, NetworkAclEntry[] lower)
    {
        var (from, to) = Range(entry, protocol);
        var cuts = new SortedSet<int> { from };
        foreach (var l in lower.Where(l => l.Protocol.Number == protocol))
        {
            var (lf, lt) = Range(l, protocol);
            if (lf > from && lf <= to)
                cuts.Add(lf);
            if (lt >= from && lt < to)
                cuts.Add(lt + 1);
        }
        return cuts;
    }

    /// <summary>The values an entry names for a protocol: its port range (TCP, UDP), its ICMP type and code, or all.</summary>
    private static (int From, int To) Range(NetworkAclEntry e, int protocol)
    {
        if (e.Protocol.Number == -1)
            return (0, ushort.MaxValue);
        if (protocol is 6 or 17)
            return e.PortRange is { } r ? (r.From, r.To) : (0, ushort.MaxValue);
        if (protocol is 1 or 58 && e.Icmp is { Type: >= 0 } icmp)
            return icmp.Code >= 0 ? (icmp.Type * 256 + icmp.Code, icmp.Type * 256 + icmp.Code) : (icmp.Type * 256, icmp.Type * 256 + 255);
        return (0, ushort.MaxValue);
    }

    private static bool Matches(NetworkAclEntry l, int protocol, IpAddress address, int value)
    {
        if ((l.Protocol.Number != -1 && l.Protocol.Number != protocol) || !l.Cidr.Contains(address))
            return false;
        var (from, to) = Range(l, protocol);
        return value >= from && value <= to;
    }
}
