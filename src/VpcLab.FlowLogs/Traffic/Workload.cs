using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Who talks to whom over simulated time: a scenario's <c>workloads:</c> section.</summary>
public sealed record Workload(ImmutableArray<TrafficPattern> Patterns)
{
    public static readonly Workload Empty = new([]);
}

/// <summary>One kind of traffic: connections from <see cref="From"/> (an instance or interface name or id, an address,
/// or a CIDR whose addresses take turns) to <see cref="To"/> (an instance or interface, an address or a DNS name), one
/// protocol, one destination port or a range of them (a scan: one connection per port).</summary>
public sealed record TrafficPattern(
    string Name, int Line, string From, string To, IpProtocol Protocol, PortRange Ports,
    ConnectionSchedule Schedule, PacketProfile Request, PacketProfile Response, TimeSpan ConnectionDuration)
{
    /// <summary>SYNs a client sends when its connection cannot be established (TCP only).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>True when each connection goes to the next port of <see cref="Ports"/> (a scan or probe).</summary>
    public bool IsScan => Ports.From != Ports.To;
}

/// <summary>When connections start: <see cref="Count"/> in total, or <see cref="PerSecond"/>, spread over
/// [<see cref="Start"/>, <see cref="End"/>) of the run (End null = the end of the run).</summary>
public sealed record ConnectionSchedule(TimeSpan Start, TimeSpan? End, int? Count, double? PerSecond);

/// <summary>Packets and bytes one side sends in one connection.</summary>
public readonly record struct PacketProfile(long Packets, long Bytes);
