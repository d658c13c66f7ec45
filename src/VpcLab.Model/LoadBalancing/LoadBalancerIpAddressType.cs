namespace VpcLab.Model;

/// <summary>The addresses clients may use to reach a load balancer: IPv4 only, or IPv4 and IPv6 (each node then
/// has an IPv6 address of its subnet as well).</summary>
public enum LoadBalancerIpAddressType
{
    Ipv4,
    Dualstack,
}
