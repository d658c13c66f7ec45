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

    public IpAddress PrimaryPrivateIp => PrivateIpAddresses.First(p => p.Primary).Address;

    /// <summary>Every private address of both families that belongs to this interface.</summary>
    public IEnumerable<IpAddress> AllPrivateAddresses =>
        PrivateIpAddresses.Select(p => p.Address).Concat(Ipv6Addresses);
}
