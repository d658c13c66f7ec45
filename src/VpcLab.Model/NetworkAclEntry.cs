using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One numbered NACL rule. <see cref="PortRange"/> applies to TCP and UDP only; <see cref="Icmp"/> to
/// ICMP and ICMPv6 only; for other protocols both are ignored.</summary>
public sealed record NetworkAclEntry(
    int RuleNumber, bool Egress, IpProtocol Protocol, RuleAction Action, Cidr Cidr,
    PortRange? PortRange, IcmpTypeCode? Icmp);
