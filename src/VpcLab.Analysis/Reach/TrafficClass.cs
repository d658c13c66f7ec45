using System.Globalization;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>A protocol and a range of the value its packets carry as destination port: TCP and UDP ports, or for ICMP
/// and ICMPv6 type × 256 + code (<see cref="Engine.FlowKey"/>'s convention). ICMP applies to IPv4 flows only and
/// ICMPv6 to IPv6 flows only; TCP and UDP to both.</summary>
public sealed record TrafficClass(IpProtocol Protocol, PortRange Values)
{
    /// <summary>TCP, UDP, ICMP and ICMPv6, every port, type and code: what "any traffic" means in a question.</summary>
    public static readonly IReadOnlyList<TrafficClass> All =
        [new(IpProtocol.Tcp, PortRange.All), new(IpProtocol.Udp, PortRange.All), new(IpProtocol.Icmp, PortRange.All), new(IpProtocol.Icmpv6, PortRange.All)];

    public bool AppliesTo(IpFamily family) => Protocol.Number switch
    {
        1 => family == IpFamily.V4,
        58 => family == IpFamily.V6,
        _ => true,
    };

    /// <summary>"tcp/22", "udp/1024-65535", "icmp/8", "icmp/3/4", "tcp".</summary>
    public override string ToString() => Describe(Protocol, Values);

    /// <summary>One piece of a protocol's values as a reader writes it.</summary>
    public static string Describe(IpProtocol protocol, PortRange values)
    {
        if (values.IsAll)
            return protocol.Name;
        if (!protocol.IsIcmp)
            return values.From == values.To
                ? string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{values.From}")
                : string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{values.From}-{values.To}");
        int fromType = values.From >> 8, toType = values.To >> 8;
        if (values.From == values.To)
            return string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{fromType}/{values.From & 0xFF}");
        if ((values.From & 0xFF) == 0 && (values.To & 0xFF) == 0xFF)
            return fromType == toType
                ? string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{fromType}")
                : string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{fromType}-{toType}");
        return string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{fromType}/{values.From & 0xFF}-{values.To & 0xFF}")
            + (fromType == toType ? "" : string.Create(CultureInfo.InvariantCulture, $" (to type {toType})"));
    }

    /// <summary>"all", "tcp", "tcp/22", "udp/1024-65535", "icmp", "icmp/8", "icmp/3/4", "icmpv6/128"; null when not one.</summary>
    public static IReadOnlyList<TrafficClass>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "all")
            return TrafficClass.All;
        var parts = text.Split('/');
        IpProtocol? parsed = parts[0] switch
        {
            "tcp" => IpProtocol.Tcp, "udp" => IpProtocol.Udp, "icmp" => IpProtocol.Icmp, "icmpv6" => IpProtocol.Icmpv6, _ => null,
        };
        if (parsed is not { } protocol || parts.Length > 3 || (parts.Length == 3 && !protocol.IsIcmp))
            return null;
        if (parts.Length == 1)
            return [new(protocol, PortRange.All)];
        if (!protocol.IsIcmp)
            return PortRange.TryParse(parts[1], out var ports) && parts[1] is not ("all" or "*") ? [new(protocol, ports)] : null;
        if (!byte.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var type))
            return null;
        if (parts.Length == 2)
            return [new(protocol, new PortRange((ushort)(type * 256), (ushort)(type * 256 + 255)))];
        return byte.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? [new(protocol, PortRange.Single((ushort)(type * 256 + code)))]
            : null;
    }
}
