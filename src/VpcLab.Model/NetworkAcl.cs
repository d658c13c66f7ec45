using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A stateless subnet filter: numbered rules per direction, lowest number first, first match decides,
/// no match denies. Only the rules a user can change are stored: the final '*' deny (32767 for IPv4, 32768 for
/// IPv6) is implicit.</summary>
public sealed record NetworkAcl(
    NetworkAclId Id, AccountId OwnerId, string Region, VpcId VpcId, bool IsDefault,
    ImmutableArray<NetworkAclEntry> Entries, ImmutableArray<NetworkAclAssociation> Associations)
{
    public const int MinRuleNumber = 1;
    public const int MaxRuleNumber = 32766;
    public const int DefaultDenyRuleNumberV4 = 32767;
    public const int DefaultDenyRuleNumberV6 = 32768;

    /// <summary>One direction's entries in evaluation order (ascending rule number).</summary>
    public IEnumerable<NetworkAclEntry> EntriesFor(bool egress) =>
        Entries.Where(e => e.Egress == egress).OrderBy(e => e.RuleNumber);
}
