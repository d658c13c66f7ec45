using System.Collections.Immutable;

namespace VpcLab.Net;

/// <summary>A set of addresses given as CIDR blocks of either family (a VPC's CIDRs, a prefix list's entries).
/// Membership is a longest-prefix-match lookup, so it costs the same however many blocks there are.</summary>
public sealed class CidrSet
{
    private readonly LongestPrefixMatchTable<bool> _table;

    public CidrSet(IEnumerable<Cidr> cidrs)
    {
        Cidrs = [.. cidrs.Distinct().Order()];
        _table = new LongestPrefixMatchTable<bool>(Cidrs.Select(c => (c, true)));
    }

    public static readonly CidrSet Empty = new([]);

    public ImmutableArray<Cidr> Cidrs { get; }
    public bool IsEmpty => Cidrs.IsEmpty;

    public bool Contains(IpAddress address) => _table.LookupIndex(address) >= 0;

    /// <summary>True when any block of the set overlaps <paramref name="cidr"/>.</summary>
    public bool Overlaps(Cidr cidr) => Cidrs.Any(c => c.Overlaps(cidr));

    public override string ToString() => string.Join(", ", Cidrs);
}
