using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>An elastic network interface (ENI) in one subnet: the unit that security groups, flow logs and
/// addresses attach to. Instances, NAT gateways and interface endpoints all reach the network through one.</summary>
public sealed record NetworkInterface(
    NetworkInterfaceId Id, AccountId OwnerId, string Region, SubnetId SubnetId, VpcId VpcId,
    string AvailabilityZone, ImmutableArray<PrivateIpAddress> PrivateIpAddresses,
    ImmutableArray<IpAddress> Ipv6Addresses, ImmutableArray<SecurityGroupId> Groups, bool SourceDestCheck,
    NetworkInterfaceType InterfaceType, NetworkInterfaceAttachment? Attachment, string Description,
    string MacAddress)
{
    /// <summary>True for interfaces AWS creates and manages for a service (NAT gateway, endpoint): the owner
    /// cannot delete, detach or re-address them.</summary>
    public bool RequesterManaged { get; init; }

    /// <summary>The primary private IPv4, or null for an interface in an IPv6-only subnet, which has none
    /// (docs/semantics.md#ipv6-only-subnets).</summary>
    public IpAddress? PrimaryPrivateIpv4 => PrivateIpAddresses.IsDefaultOrEmpty ? null : PrivateIpAddresses.First(p => p.Primary).Address;

    /// <summary>The interface's own address: its primary private IPv4, or on an IPv6-only interface its first IPv6
    /// address (what it is shown and ordered by).</summary>
    public IpAddress PrimaryPrivateIp => PrimaryPrivateIpv4 ?? Ipv6Addresses.FirstOrDefault();

    /// <summary>Every private address of both families that belongs to this interface.</summary>
    public IEnumerable<IpAddress> AllPrivateAddresses =>
        PrivateIpAddresses.Select(p => p.Address).Concat(Ipv6Addresses);
}
