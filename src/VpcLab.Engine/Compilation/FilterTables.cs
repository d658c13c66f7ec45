namespace VpcLab.Engine.Compilation;

/// <summary>Network ACL entries and security group rules, bucketed by direction, family and protocol
/// (<see cref="ProtocolBuckets"/>) and flattened into one array each: ranges[owner × (Total + 1) + bucket] is
/// where a bucket starts and the next value where it ends.</summary>
internal sealed class FilterTables
{
    public required CompiledAcl[] Acls { get; init; }
    public required AclEntry[] AclEntries { get; init; }
    public required int[] AclRanges { get; init; }
    public required CompiledSecurityGroupSet[] SecurityGroupSets { get; init; }
    public required SgRule[] SgRules { get; init; }
    public required int[] SgRanges { get; init; }
    /// <summary>The VPC index of each security group (−1 when its VPC is not in the snapshot).</summary>
    public required int[] GroupVpc { get; init; }
    /// <summary>Pairs of VPCs (<see cref="PairKey"/>) joined by an active same-Region peering: their security
    /// groups may reference each other.</summary>
    public required HashSet<ulong> SgReferencePeers { get; init; }

    public static ulong PairKey(int a, int b) =>
        a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;
}
