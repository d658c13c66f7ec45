using System.Globalization;

namespace VpcLab.Net;

/// <summary>An IANA protocol number, or −1 for "all protocols" as AWS writes it in rules.</summary>
public readonly record struct IpProtocol(short Number)
{
    public static readonly IpProtocol All = new(-1);
    public static readonly IpProtocol Icmp = new(1);
    public static readonly IpProtocol Tcp = new(6);
    public static readonly IpProtocol Udp = new(17);
    public static readonly IpProtocol Icmpv6 = new(58);

    public bool IsAll => Number == -1;

    /// <summary>TCP and UDP carry ports; rules for other protocols ignore port ranges.</summary>
    public bool HasPorts => Number is 6 or 17;

    /// <summary>ICMP and ICMPv6 carry a type and code where others carry ports.</summary>
    public bool IsIcmp => Number is 1 or 58;

    /// <summary>True when a rule for this protocol applies to a packet of <paramref name="packet"/>.</summary>
    public bool Matches(IpProtocol packet) => IsAll || Number == packet.Number;

    /// <summary>Accepts the names AWS accepts (tcp, udp, icmp, icmpv6, all), "-1", or a number 0–255.</summary>
    public static bool TryParse(string? text, out IpProtocol protocol)
    {
        protocol = default;
        switch (text?.ToLowerInvariant())
        {
            case null or "":
                return false;
            case "tcp": protocol = Tcp; return true;
            case "udp": protocol = Udp; return true;
            case "icmp": protocol = Icmp; return true;
            case "icmpv6": protocol = Icmpv6; return true;
            case "all" or "-1": protocol = All; return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 255)
            return false;
        protocol = new IpProtocol((short)n);
        return true;
    }

    public static IpProtocol Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a protocol name or number.");

    /// <summary>The name AWS prints in rules (tcp, udp, icmp, icmpv6, -1) or the number.</summary>
    public string Name => Number switch
    {
        -1 => "-1",
        1 => "icmp",
        6 => "tcp",
        17 => "udp",
        58 => "icmpv6",
        _ => Number.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => Name;
}
