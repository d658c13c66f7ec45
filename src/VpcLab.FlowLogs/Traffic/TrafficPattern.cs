using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>One kind of traffic: connections from <see cref="From"/> (an instance or interface name or id, an address,
/// or a CIDR whose addresses take turns) to <see cref="To"/> (an instance or interface, an address or a DNS name), one
/// protocol, one destination port or a range of them (a scan: one connection per port).</summary>
public sealed record TrafficPattern(
    string Name, int Line, string From, string To, IpProtocol Protocol, PortRange Ports,
    ConnectionSchedule Schedule, PacketProfile Request, PacketProfile Response, TimeSpan ConnectionDuration)
{
    /// <summary>SYNs a client sends when its connection cannot be established (TCP only).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>ICMP only: the message's type (null: an echo request, ping) and code. A message other than an echo
    /// request is one-way (<see cref="VpcLab.Engine.FlowKey.HasReply"/>): it has no response.</summary>
    public int? IcmpType { get; init; }

    public int IcmpCode { get; init; }

    /// <summary>True when each connection goes to the next port of <see cref="Ports"/> (a scan or probe).</summary>
    public bool IsScan => Ports.From != Ports.To;
}
