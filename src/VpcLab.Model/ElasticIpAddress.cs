using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>An Elastic IP (the SDK's "Address"): a public IPv4 allocated to an account, optionally associated
/// with one private IPv4 of a network interface.</summary>
public sealed record ElasticIpAddress(
    AllocationId AllocationId, AccountId OwnerId, string Region, IpAddress PublicIp,
    string? AssociationId, NetworkInterfaceId? NetworkInterfaceId, IpAddress? PrivateIp);
