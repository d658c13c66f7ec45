using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>How a traffic run behaves: the seed that makes it reproducible (source ports, client addresses,
/// connection jitter), whether idle watched interfaces get NODATA records, and the AWS address ranges used to name
/// services in records.</summary>
public sealed record TrafficOptions
{
    public ulong Seed { get; init; } = 42;

    /// <summary>Emit a NODATA record per window for a watched interface that saw nothing (AWS does; off by default).</summary>
    public bool EmitNoData { get; init; }

    public AwsIpRanges ServiceRanges { get; init; } = AwsIpRanges.Default;

    /// <summary>Record only this shard's interfaces and write the sharded file layout; null: the whole run, one file
    /// series per slice.</summary>
    public TrafficShard? Shard { get; init; }

    /// <summary>Slots of the decision cache (repeated 5-tuples answered without walking the engine again); 0 walks
    /// every connection. The records are the same either way; memory is fixed (about 800 bytes a slot).</summary>
    public int DecisionCacheSlots { get; init; } = DefaultDecisionCacheSlots;

    public const int DefaultDecisionCacheSlots = 1 << 14;

    public static readonly TrafficOptions Default = new();
}
