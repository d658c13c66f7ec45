using VpcLab.Net;

namespace VpcLab.Engine.Walk;

/// <summary>The protocol side of NAT64 (docs/semantics.md#nat64): TCP and UDP keep their ports; ICMPv6 echo becomes
/// ICMP echo and back (RFC 7915 §4.2, §5.2). Other ICMPv6 messages the lab does not translate (PROTOCOL_RESTRICTION),
/// as for any protocol besides TCP, UDP and ICMP.</summary>
internal static class Nat64Translation
{
    /// <summary>IPv6 → IPv4 for a request leaving through the NAT gateway; false when it cannot be translated.</summary>
    public static bool ToIpv4(ref IpProtocol protocol, ref ushort destinationPort)
    {
        if (protocol.HasPorts)
            return true;
        if (protocol.Number != 58)
            return false;
        int type = destinationPort >> 8, code = destinationPort & 0xFF;
        int mapped = type switch
        {
            FlowKey.IcmpEchoRequestV6 => FlowKey.IcmpEchoRequestV4,
            FlowKey.IcmpEchoReplyV6 => FlowKey.IcmpEchoReplyV4,
            _ => -1,
        };
        if (mapped < 0)
            return false;
        protocol = IpProtocol.Icmp;
        destinationPort = (ushort)((mapped << 8) | code);
        return true;
    }

    /// <summary>IPv4 → IPv6 for the reply the NAT gateway de-NATs; false when it cannot be translated.</summary>
    public static bool ToIpv6(ref IpProtocol protocol, ref ushort destinationPort)
    {
        if (protocol.HasPorts)
            return true;
        if (protocol.Number != 1)
            return false;
        int type = destinationPort >> 8, code = destinationPort & 0xFF;
        int mapped = type switch
        {
            FlowKey.IcmpEchoRequestV4 => FlowKey.IcmpEchoRequestV6,
            FlowKey.IcmpEchoReplyV4 => FlowKey.IcmpEchoReplyV6,
            _ => -1,
        };
        if (mapped < 0)
            return false;
        protocol = IpProtocol.Icmpv6;
        destinationPort = (ushort)((mapped << 8) | code);
        return true;
    }
}
