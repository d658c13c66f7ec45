using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>The address families an endpoint serves (IpAddressType): ipv4 by default.</summary>
public enum VpcEndpointIpAddressType
{
    Ipv4,
    Dualstack,
    Ipv6,
}
