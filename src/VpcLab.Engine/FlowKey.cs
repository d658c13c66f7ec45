using System.Globalization;
using System.Runtime.CompilerServices;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The 5-tuple the VPC data plane decides on; a value, copied and reversed, never boxed. For ICMP and
/// ICMPv6 there are no ports: <see cref="DestinationPort"/> carries <c>type × 256 + code</c> and
/// <see cref="SourcePort"/> is 0 (the netflow convention), so one struct serves every protocol.</summary>
public readonly record struct FlowKey(IpAddress Source, IpAddress Destination,
    IpProtocol Protocol, ushort SourcePort, ushort DestinationPort)
{
    /// <summary>The source port a trace uses when none is given: the first of the IANA ephemeral range.</summary>
    public const ushort DefaultEphemeralPort = 49152;

    public IpFamily Family => Source.Family;

    /// <summary>ICMP type (meaningful only when <see cref="Protocol"/> is ICMP or ICMPv6).</summary>
    public int IcmpType => DestinationPort >> 8;

    /// <summary>ICMP code (meaningful only when <see cref="Protocol"/> is ICMP or ICMPv6).</summary>
    public int IcmpCode => DestinationPort & 0xFF;

    public static FlowKey Tcp(IpAddress source, IpAddress destination, ushort destinationPort,
        ushort sourcePort = DefaultEphemeralPort) =>
        new(source, destination, IpProtocol.Tcp, sourcePort, destinationPort);

    public static FlowKey Udp(IpAddress source, IpAddress destination, ushort destinationPort,
        ushort sourcePort = DefaultEphemeralPort) =>
        new(source, destination, IpProtocol.Udp, sourcePort, destinationPort);

    /// <summary>An ICMP (IPv4) or ICMPv6 (IPv6) message; the default is an echo request (ping).</summary>
    public static FlowKey Icmp(IpAddress source, IpAddress destination, int type = -1, int code = 0)
    {
        bool v6 = source.IsV6;
        if (type < 0)
            type = v6 ? IcmpEchoRequestV6 : IcmpEchoRequestV4;
        return new(source, destination, v6 ? IpProtocol.Icmpv6 : IpProtocol.Icmp, 0, (ushort)((type << 8) | (code & 0xFF)));
    }

    internal const int IcmpEchoRequestV4 = 8;
    internal const int IcmpEchoReplyV4 = 0;
    internal const int IcmpEchoRequestV6 = 128;
    internal const int IcmpEchoReplyV6 = 129;

    /// <summary>Whether the flow has a reply, walked back as its return path: the one place that decides it
    /// (docs/semantics.md#one-way-icmp). TCP and UDP have one, and so does every other protocol (security groups track
    /// it by addresses and protocol number, and accept the same traffic coming back); ICMP and ICMPv6 only for an echo
    /// request (ping), answered by an echo reply. Every other ICMP message — destination unreachable, fragmentation
    /// needed (type 3 code 4), time exceeded, ICMPv6 packet too big, an echo reply sent on its own — is one-way: it is
    /// judged only in the direction it travels.</summary>
    public bool HasReply
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            int protocol = Protocol.Number;
            if (protocol == 1)
                return IcmpType == IcmpEchoRequestV4;
            if (protocol == 58)
                return IcmpType == IcmpEchoRequestV6;
            return true;
        }
    }

    /// <summary>An ICMP error message, which reports on a packet of another connection: ICMP destination unreachable
    /// (3), source quench (4), redirect (5), time exceeded (11), parameter problem (12) (RFC 1122 §3.2.2); ICMPv6
    /// destination unreachable (1), packet too big (2), time exceeded (3), parameter problem (4) (RFC 4443 §2.1).
    /// Security groups let it through as part of the connection it reports on (docs/semantics.md#sg-icmp-errors).</summary>
    public bool IsIcmpError => IsIcmpErrorType(Protocol, IcmpType);

    /// <summary>Whether an ICMP (1) or ICMPv6 (58) message of this type is an error message (see <see cref="IsIcmpError"/>).</summary>
    public static bool IsIcmpErrorType(IpProtocol protocol, int type) => protocol.Number switch
    {
        1 => type is >= 0 and <= 255 && IcmpErrorTypesV4.Contains((byte)type),
        58 => type is >= 0 and <= 255 && IcmpErrorTypesV6.Contains((byte)type),
        _ => false,
    };

    /// <summary>The ICMP error message types (RFC 1122 §3.2.2): destination unreachable, source quench, redirect,
    /// time exceeded, parameter problem.</summary>
    public static ReadOnlySpan<byte> IcmpErrorTypesV4 => [3, 4, 5, 11, 12];

    /// <summary>The ICMPv6 error message types IANA assigns (RFC 4443 §2.1 reserves 0–127 for errors; 1–4 are
    /// defined: destination unreachable, packet too big, time exceeded, parameter problem).</summary>
    public static ReadOnlySpan<byte> IcmpErrorTypesV6 => [1, 2, 3, 4];

    /// <summary>NACLs are stateless: the return path is checked with the reply's 5-tuple. An ICMP echo request
    /// is answered by an echo reply. Meaningful only when <see cref="HasReply"/>.</summary>
    public FlowKey Reply()
    {
        if (Protocol.Number == 1 && IcmpType == IcmpEchoRequestV4)
            return new(Destination, Source, Protocol, 0, (ushort)((IcmpEchoReplyV4 << 8) | IcmpCode));
        if (Protocol.Number == 58 && IcmpType == IcmpEchoRequestV6)
            return new(Destination, Source, Protocol, 0, (ushort)((IcmpEchoReplyV6 << 8) | IcmpCode));
        return new(Destination, Source, Protocol, DestinationPort, SourcePort);
    }

    public override string ToString() => Protocol.IsIcmp
        ? string.Create(CultureInfo.InvariantCulture, $"{Source} -> {Destination} {Protocol} type {IcmpType} code {IcmpCode}")
        : string.Create(CultureInfo.InvariantCulture, $"{Endpoint(Source, SourcePort)} -> {Endpoint(Destination, DestinationPort)} {Protocol}");

    /// <summary>address:port, with an IPv6 address in brackets (RFC 3986) so the port cannot be read as part of it.</summary>
    private static string Endpoint(IpAddress address, ushort port) =>
        address.IsV6 ? string.Create(CultureInfo.InvariantCulture, $"[{address}]:{port}") : string.Create(CultureInfo.InvariantCulture, $"{address}:{port}");
}
