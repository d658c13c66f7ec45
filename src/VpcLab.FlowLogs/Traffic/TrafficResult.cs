using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>What a run produced: every flow log's records (already filtered by its traffic type), and counts.</summary>
public sealed record TrafficResult(
    DateTimeOffset Start, DateTimeOffset End, ImmutableDictionary<FlowLogId, ImmutableArray<FlowRecord>> Records,
    long Connections, long Established, long Failed, long Skipped)
{
    public long RecordCount => Records.Values.Sum(r => (long)r.Length);
}
