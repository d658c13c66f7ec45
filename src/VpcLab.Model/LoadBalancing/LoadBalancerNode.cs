using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A load balancer's presence in one Availability Zone: the subnet chosen there and the requester-managed
/// network interface (description <c>ELB net/NAME/ID</c>) whose addresses are the node's. An internet-facing node
/// also has a public IPv4 (<see cref="PublicIp"/>), mapped to the interface's private address by the internet
/// gateway as for any public address.</summary>
public sealed record LoadBalancerNode(string AvailabilityZone, SubnetId SubnetId, NetworkInterfaceId NetworkInterfaceId,
    IpAddress PrivateIpv4, IpAddress? Ipv6, IpAddress? PublicIp);
