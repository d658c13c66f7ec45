using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Who talks to whom over simulated time: a scenario's <c>workloads:</c> section.</summary>
public sealed record Workload(ImmutableArray<TrafficPattern> Patterns)
{
    public static readonly Workload Empty = new([]);
}
