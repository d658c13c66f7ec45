using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A zonal NAT gateway in one subnet. It rewrites a private IPv4 source to its own private address
/// (and, when public, the internet gateway maps that to its Elastic IP); nothing outside can open a connection
/// through it.</summary>
public sealed record NatGateway(
    NatGatewayId Id, AccountId OwnerId, string Region, VpcId VpcId, SubnetId SubnetId,
    NatConnectivityType ConnectivityType, AllocationId? AllocationId, NetworkInterfaceId NetworkInterfaceId,
    IpAddress PrivateIp, IpAddress? PublicIp, NatGatewayState State, DateTimeOffset CreateTime);
