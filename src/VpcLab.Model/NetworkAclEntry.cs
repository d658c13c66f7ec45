using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One numbered NACL rule. <see cref="PortRange"/> applies to TCP and UDP only; <see cref="Icmp"/> to
/// ICMP and ICMPv6 only; for other protocols both are ignored.</summary>
public sealed record NetworkAclEntry(
    int RuleNumber, bool Egress, IpProtocol Protocol, RuleAction Action, Cidr Cidr,
    PortRange? PortRange, IcmpTypeCode? Icmp);

public enum RuleAction
{
    Allow,
    Deny,
}

/// <summary>An ICMP type and code; −1 means any.</summary>
public readonly record struct IcmpTypeCode(int Type, int Code)
{
    public static readonly IcmpTypeCode Any = new(-1, -1);

    public bool Matches(int type, int code) => (Type == -1 || Type == type) && (Code == -1 || Code == code);
}
