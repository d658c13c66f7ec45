namespace VpcLab.FlowLogs.Traffic;

/// <summary>What a streamed run did, in counts: the simulated span, connections by outcome, and the records delivered
/// (the records themselves went to their destinations as their windows closed).</summary>
public sealed record TrafficTotals(DateTimeOffset Start, DateTimeOffset End, long Connections, long Established, long Failed,
    long Skipped, long RecordCount)
{
    /// <summary>Connections the engine walked; the others repeated a 5-tuple already decided (<see cref="TrafficOptions.DecisionCacheSlots"/>).</summary>
    public long Walked { get; init; }
}
