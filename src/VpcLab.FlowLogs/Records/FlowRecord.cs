using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.FlowLogs;

/// <summary>One flow log record: one 5-tuple, one direction, one action, on one interface, in one aggregation window.
/// Every field of versions 2–5 is here as a value; a format picks and orders them. Addresses follow AWS's rule:
/// <see cref="SrcAddr"/>/<see cref="DstAddr"/> put the interface's own primary address on its side, while
/// <see cref="PktSrcAddr"/>/<see cref="PktDstAddr"/> keep the packet's real addresses. NODATA and SKIPDATA records
/// carry only the interface, <see cref="Start"/> and <see cref="End"/>.</summary>
public readonly record struct FlowRecord(
    InterfaceContext Interface, LogStatus Status, TrafficDirection Direction,
    IpAddress SrcAddr, IpAddress DstAddr, IpAddress PktSrcAddr, IpAddress PktDstAddr,
    ushort SrcPort, ushort DstPort, byte Protocol, long Packets, long Bytes, long Start, long End,
    bool Accepted, int TcpFlags, byte TrafficPath, string? PktSrcAwsService, string? PktDstAwsService)
{
    /// <summary>Printed as '-': no TCP flag combination AWS reports (<see cref="TcpFlags"/> value).</summary>
    public const int NoTcpFlags = -1;

    /// <summary>Printed as '-': no traffic path (ingress records, or unknown).</summary>
    public const byte NoTrafficPath = 0;

    /// <summary>A NODATA record: the interface was watched but saw nothing in the window.</summary>
    public static FlowRecord NoData(InterfaceContext context, long start, long end) =>
        new(context, LogStatus.NoData, TrafficDirection.Ingress, default, default, default, default, 0, 0, 0, 0, 0,
            start, end, false, NoTcpFlags, NoTrafficPath, null, null);

    /// <summary><c>type</c>: IPv4 or IPv6 (EFA is not modelled).</summary>
    public string Type => PktSrcAddr.Family == IpFamily.V6 ? "IPv6" : "IPv4";
}
