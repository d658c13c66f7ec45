using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>One traffic run: <see cref="Workload"/> played on <see cref="Network"/> (a snapshot) from
/// <see cref="Start"/> for <see cref="Duration"/> (at most <see cref="TrafficDuration.MaxRun"/>), its flow logs
/// delivered into <see cref="Output"/>. <see cref="Source"/> names where the workloads came from in errors.</summary>
public sealed record TrafficRunRequest(Network Network, Workload Workload, TimeSpan Duration, DateTimeOffset Start, FlowLogOutput Output)
{
    /// <summary>Seed, NODATA records and service ranges.</summary>
    public TrafficOptions Options { get; init; } = TrafficOptions.Default;

    public string Source { get; init; } = "the request";
}

/// <summary>What a run did: the simulation's counts, each flow log's delivery, and the summary both
/// edges print.</summary>
public sealed record TrafficRunResult(TrafficTotals Traffic, ImmutableArray<FlowLogDelivered> Delivered, TrafficSummary Summary);
