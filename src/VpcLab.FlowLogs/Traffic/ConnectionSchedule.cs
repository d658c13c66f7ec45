using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>When connections start: <see cref="Count"/> in total, or <see cref="PerSecond"/>, spread over
/// [<see cref="Start"/>, <see cref="End"/>) of the run (End null = the end of the run).</summary>
public sealed record ConnectionSchedule(TimeSpan Start, TimeSpan? End, int? Count, double? PerSecond);
