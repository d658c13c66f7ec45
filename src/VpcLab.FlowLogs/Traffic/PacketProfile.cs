using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Packets and bytes one side sends in one connection.</summary>
public readonly record struct PacketProfile(long Packets, long Bytes);
