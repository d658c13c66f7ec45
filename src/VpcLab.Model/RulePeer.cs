using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>The other end a rule names: exactly one of an IPv4 or IPv6 CIDR, a prefix list or a security group.</summary>
public abstract record RulePeer;
